using SpApi.Core.Apis;

namespace SpApi.Core.Invoicing;

/// <summary>An error of a failed transaction, with the invoice it names when the message or details name one of the transaction's invoices.</summary>
public sealed class TransactionError
{
    /// <summary>Creates the error.</summary>
    public TransactionError(string code, string message, string? details, string? invoiceId)
    {
        Code = code;
        Message = message;
        Details = details;
        InvoiceId = invoiceId;
    }

    /// <summary>The error code.</summary>
    public string Code { get; }

    /// <summary>The message.</summary>
    public string Message { get; }

    /// <summary>The details, if any.</summary>
    public string? Details { get; }

    /// <summary>The invoice the error is about, when it names one; null for errors about the whole transaction.</summary>
    public string? InvoiceId { get; }

    /// <inheritdoc />
    public override string ToString() => $"{(InvoiceId is null ? string.Empty : InvoiceId + ": ")}{Code}: {Message}{(string.IsNullOrEmpty(Details) ? string.Empty : $" ({Details})")}";
}

/// <summary>Where a transaction stands: the output of Get-SpTransactionStatus and of Submit-SpVendorInvoice -Wait.</summary>
public sealed class VendorTransactionStatus
{
    /// <summary>Creates the status.</summary>
    public VendorTransactionStatus(string transactionId, InvoiceApi api, string status, IReadOnlyList<TransactionError> errors, IReadOnlyList<string> invoiceIds, DateTimeOffset checkedAt)
    {
        TransactionId = transactionId;
        Api = api;
        Status = status;
        // Readable lists, so a CSV cell or Format-List shows the errors and ids, not a type name.
        Errors = new ReadableList<TransactionError>(errors);
        InvoiceIds = new ReadableList<string>(invoiceIds);
        CheckedAt = checkedAt;
    }

    /// <summary>The transaction id.</summary>
    public string TransactionId { get; }

    /// <summary>The API of the transaction.</summary>
    public InvoiceApi Api { get; }

    /// <summary>Processing, Success or Failure.</summary>
    public string Status { get; }

    /// <summary>True for Success and Failure: the status will not change again.</summary>
    public bool IsFinal => Status == "Success" || IsFailure;

    /// <summary>True when Amazon processed the submission and did not accept its invoices. Internal, so no output column.</summary>
    internal bool IsFailure => Status == "Failure";

    /// <summary>Amazon's errors, each with the invoice it names, when the status is Failure.</summary>
    public IReadOnlyList<TransactionError> Errors { get; }

    /// <summary>The invoices of the transaction, when known (from Submit-SpVendorInvoice or -InvoiceId).</summary>
    public IReadOnlyList<string> InvoiceIds { get; }

    /// <summary>When the status was read.</summary>
    public DateTimeOffset CheckedAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"{TransactionId}: {Status}";
}
