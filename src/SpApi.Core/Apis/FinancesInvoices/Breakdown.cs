namespace SpApi.Core.Apis.FinancesInvoices;

/// <summary>The model's Breakdown: one part of an amount (Total, TaxAmount, AmountPaid, QueuedForPayment, PriceVariance ...) and its own parts.</summary>
public sealed class Breakdown
{
    /// <summary>The kind of charge, for example AmountPaid; the model lists the values per property in prose, not as an enum.</summary>
    public string? BreakdownType { get; set; }

    /// <summary>The amount.</summary>
    public Currency? BreakdownAmount { get; set; }

    /// <summary>The parts this amount is made of.</summary>
    public ReadableList<Breakdown> Breakdowns { get; set; } = new();

    /// <inheritdoc />
    public override string ToString() => $"{BreakdownType}: {BreakdownAmount}";
}
