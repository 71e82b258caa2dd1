using System.Text.Json.Serialization;

namespace SpApi.Core.Ledger;

/// <summary>One line of the submission ledger: an event of one invoice.</summary>
public sealed class LedgerRecord
{
    /// <summary>When it was written.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Vendor or DirectFulfillment: the invoice number is unique per API.</summary>
    public string Api { get; set; } = string.Empty;

    /// <summary>The invoice (or credit note) number; for Direct Fulfillment the invoiceNumber.</summary>
    public string InvoiceId { get; set; } = string.Empty;

    /// <summary>The SHA-256 of the invoice's canonical JSON, so a changed invoice under the same id is seen.</summary>
    public string ContentHash { get; set; } = string.Empty;

    /// <summary>What happened.</summary>
    public LedgerEvent Event { get; set; }

    /// <summary>The transaction, once Amazon gave one.</summary>
    public string? TransactionId { get; set; }

    /// <summary>The invoice's total as submitted, for reconciliation (amount and currency).</summary>
    public string? Total { get; set; }

    /// <summary>A short note: the error of a refused request, say.</summary>
    public string? Detail { get; set; }

    /// <summary>True while Amazon may hold the invoice without the ledger knowing its fate.</summary>
    [JsonIgnore]
    public bool IsUnknown => Event is LedgerEvent.Sending or LedgerEvent.OutcomeUnknown;


    /// <inheritdoc />
    public override string ToString() => $"{InvoiceId} {Event}{(TransactionId is null ? string.Empty : " in transaction " + TransactionId)} at {At:u}";
}
