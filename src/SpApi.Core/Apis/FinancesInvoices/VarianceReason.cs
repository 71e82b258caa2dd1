namespace SpApi.Core.Apis.FinancesInvoices;

/// <summary>The model's VarianceReason: why a line was not paid as invoiced.</summary>
public sealed class VarianceReason
{
    /// <summary>PQV (purchase quantity variance), PPV (purchase price variance) or OTHER.</summary>
    public string? VarianceType { get; set; }

    /// <summary>The defects behind the variance.</summary>
    public ReadableList<string> DefectTypes { get; set; } = new();

    /// <inheritdoc />
    public override string ToString() => DefectTypes.Count == 0 ? VarianceType ?? string.Empty : $"{VarianceType} ({string.Join(", ", DefectTypes)})";
}
