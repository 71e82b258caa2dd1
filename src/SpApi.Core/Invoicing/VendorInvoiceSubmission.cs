using SpApi.Core.Apis;

namespace SpApi.Core.Invoicing;

/// <summary>One accepted request of Submit-SpVendorInvoice: the transaction to follow and the invoices it carries.</summary>
public sealed class VendorInvoiceSubmission
{
    /// <summary>Creates the result.</summary>
    public VendorInvoiceSubmission(string transactionId, InvoiceApi api, IReadOnlyList<string> invoiceIds, DateTimeOffset submittedAt)
    {
        TransactionId = transactionId;
        Api = api;
        InvoiceIds = new ReadableList<string>(invoiceIds);
        SubmittedAt = submittedAt;
    }

    /// <summary>The transaction id Amazon returned; Get-SpTransactionStatus follows it.</summary>
    public string TransactionId { get; }

    /// <summary>The API the invoices went to, which decides where the transaction's status is read.</summary>
    public InvoiceApi Api { get; }

    /// <summary>The invoice (or credit note) numbers in the request.</summary>
    public IReadOnlyList<string> InvoiceIds { get; }

    /// <summary>When Amazon accepted the request.</summary>
    public DateTimeOffset SubmittedAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"{TransactionId} ({InvoiceIds.Count} invoice(s))";
}
