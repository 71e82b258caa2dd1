using SpApi.Core.Apis;

namespace SpApi.Core.Ledger;

/// <summary>What became of one submitted invoice: the ledger, the transaction status and Amazon's own record, joined.</summary>
public sealed class VendorInvoiceReconciliation
{
    /// <summary>The invoice number.</summary>
    public string InvoiceId { get; init; } = string.Empty;

    /// <summary>When it was first sent with its current content.</summary>
    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>Its total as submitted, such as "41.89 EUR".</summary>
    public string? SubmittedTotal { get; init; }

    /// <summary>The ledger's latest event (Accepted, Success, Failure, OutcomeUnknown ...).</summary>
    public LedgerEvent LedgerEvent { get; init; }

    /// <summary>The transaction it was accepted in.</summary>
    public string? TransactionId { get; init; }

    /// <summary>The transaction's status: Success, Failure or Processing; null when there is no transaction.</summary>
    public string? TransactionStatus { get; init; }

    /// <summary>Amazon's invoice status (PAID, REJECTED ...), or null when Amazon has no record of it.</summary>
    public string? AmazonStatus { get; init; }

    /// <summary>Amazon's invoice amount.</summary>
    public decimal? InvoiceAmount { get; init; }

    /// <summary>The amount paid.</summary>
    public decimal? AmountPaid { get; init; }

    /// <summary>The amount queued for payment.</summary>
    public decimal? QueuedForPayment { get; init; }

    /// <summary>The variances and their reasons, such as "QuantityVarianceAmount 3.10" or "LI-0001: PQV (SHORTAGE)".</summary>
    public ReadableList<string> Variances { get; init; } = new();

    /// <summary>True when the transaction has been Processing for longer than the threshold.</summary>
    public bool Stale { get; init; }

    /// <summary>True when Amazon still has no record of the invoice after the threshold.</summary>
    public bool UnknownToAmazon { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{InvoiceId}: {AmazonStatus ?? TransactionStatus ?? LedgerEvent.ToString()}";
}
