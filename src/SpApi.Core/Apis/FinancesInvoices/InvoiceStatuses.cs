namespace SpApi.Core.Apis.FinancesInvoices;

/// <summary>The model's invoiceStatus values. getInvoiceHeaders has no status filter, so the module filters by them itself.</summary>
public static class InvoiceStatuses
{
    /// <summary>Every value, in the model's order.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { "IN_PROGRESS", "REJECTED", "PARTIALLY_PAID", "PARTIALLY_DEDUCTED", "PAID", "DEDUCTED" };

    /// <summary>The statuses in the model's spelling, whatever case they were given in; an unknown one is refused.</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> statuses, string parameterName) => statuses
        .Select(s => All.FirstOrDefault(a => string.Equals(a, s?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"{parameterName} '{s}' is not an invoice status; the model's are {string.Join(", ", All)}.", parameterName))
        .Distinct(StringComparer.Ordinal)
        .ToList();
}
