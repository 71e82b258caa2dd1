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

    /// <summary>The page size, 1 to 100; null leaves it to Amazon.</summary>
    public int? Limit { get; set; }

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

        if (Limit is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(Limit), Limit, "Limit must be between 1 and 100.");
        }
    }
}
