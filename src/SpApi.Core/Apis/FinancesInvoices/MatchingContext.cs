namespace SpApi.Core.Apis.FinancesInvoices;

/// <summary>The model's MatchingContext: how a line's quantity and price matched what Amazon expected, and what it paid.</summary>
public sealed class MatchingContext
{
    /// <summary>The quantity that matched.</summary>
    public int? MatchedQuantity { get; set; }

    /// <summary>The amount that matched.</summary>
    public Currency? MatchedAmount { get; set; }

    /// <summary>The difference between the expected and the invoiced quantity.</summary>
    public int? QuantityVariance { get; set; }

    /// <summary>The difference between the expected and the invoiced price.</summary>
    public Currency? PriceVariance { get; set; }

    /// <summary>The quantity paid for.</summary>
    public int? PaidQuantity { get; set; }

    /// <summary>The amount paid.</summary>
    public Currency? PaidAmount { get; set; }

    /// <summary>Why the line varies.</summary>
    public ReadableList<VarianceReason> VarianceReasons { get; set; } = new();

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(", ",
        ModelText.Labelled("matched {0}", MatchedQuantity), ModelText.Labelled("paid {0}", PaidAmount),
        ModelText.Labelled("quantity variance {0}", QuantityVariance), ModelText.Labelled("price variance {0}", PriceVariance),
        VarianceReasons.Count == 0 ? null : VarianceReasons);
}
