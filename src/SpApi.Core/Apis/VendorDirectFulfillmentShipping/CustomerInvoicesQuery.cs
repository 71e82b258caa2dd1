namespace SpApi.Core.Apis.VendorDirectFulfillmentShipping;

/// <summary>The query of one getCustomerInvoices call: a window of at most 7 days.</summary>
public sealed class CustomerInvoicesQuery
{
    /// <summary>The longest window the operation accepts.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    /// <summary>Invoices that became available after this time.</summary>
    public DateTimeOffset CreatedAfter { get; set; }

    /// <summary>Invoices that became available before this time.</summary>
    public DateTimeOffset CreatedBefore { get; set; }

    /// <summary>The vendor warehouse id; null means every warehouse.</summary>
    public string? ShipFromPartyId { get; set; }

    /// <summary>The largest page getCustomerInvoices returns (the model's maximum of limit).</summary>
    public const int MaxPageSize = 100;

    /// <summary>The page size (the wire's limit), 1 to 100; null leaves it to Amazon.</summary>
    public int? PageSize { get; set; }

    /// <summary>The order by creation date; null leaves it to Amazon.</summary>
    public CustomerInvoiceSortOrder? SortOrder { get; set; }

    internal void Validate()
    {
        if (CreatedBefore <= CreatedAfter)
        {
            throw new ArgumentException($"CreatedBefore ({CreatedBefore:o}) must be later than CreatedAfter ({CreatedAfter:o}).", nameof(CreatedBefore));
        }

        if (CreatedBefore - CreatedAfter > MaxWindow)
        {
            throw new ArgumentException("getCustomerInvoices accepts a window of at most 7 days between CreatedAfter and CreatedBefore.", nameof(CreatedBefore));
        }

        Paging.PageSize.Check(PageSize, MaxPageSize, "getCustomerInvoices");
    }
}
