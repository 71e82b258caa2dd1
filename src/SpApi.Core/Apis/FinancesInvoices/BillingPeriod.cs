namespace SpApi.Core.Apis.FinancesInvoices;

/// <summary>The model's BillingPeriod.</summary>
public sealed class BillingPeriod
{
    /// <summary>The first moment of the period.</summary>
    public DateTimeOffset? StartDate { get; set; }

    /// <summary>The last moment of the period.</summary>
    public DateTimeOffset? EndDate { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(" to ", StartDate, EndDate);
}
