namespace SpApi.Core.Invoicing;

/// <summary>An invoice that breaks the model's rules; it is not sent. The message lists every problem with its path.</summary>
public sealed class InvalidVendorInvoiceException : Exception
{
    /// <summary>Creates the exception from the test result.</summary>
    public InvalidVendorInvoiceException(VendorInvoiceTestResult result, string consequence)
        : base($"{result.Describe()}{Environment.NewLine}{consequence}")
    {
        Result = result;
    }

    /// <summary>The invoice's test result, with each problem.</summary>
    public VendorInvoiceTestResult Result { get; }
}

/// <summary>
/// Invoices held back after a request whose fate is unknown: they were never sent, so sending them again
/// later is safe (unlike the invoices of the unknown request).
/// </summary>
public sealed class InvoicesNotSentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvoicesNotSentException(IReadOnlyList<string> invoiceIds)
        : base($"{invoiceIds.Count} invoice(s) were not sent because an earlier request's outcome is unknown: {string.Join(", ", invoiceIds)}. "
            + "They never left this computer, so you can submit them again once the earlier request is sorted out.")
    {
        InvoiceIds = invoiceIds;
    }

    /// <summary>The invoice numbers that were not sent.</summary>
    public IReadOnlyList<string> InvoiceIds { get; }
}

/// <summary>The same invoice number twice in one run: the second is refused so that Amazon never receives a duplicate.</summary>
public sealed class DuplicateInvoiceException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public DuplicateInvoiceException(string invoiceId)
        : base($"InputObject: invoice {invoiceId} appears twice in the input; it is sent once and the repeat is refused, so Amazon gets no duplicate.", "InputObject")
    {
        InvoiceId = invoiceId;
    }

    /// <summary>The repeated invoice number.</summary>
    public string InvoiceId { get; }
}

/// <summary>A transaction still processing when -TimeoutSec ran out; its last status was written.</summary>
public sealed class TransactionWaitTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public TransactionWaitTimeoutException(VendorTransactionStatus status, TimeSpan timeout)
        : base($"Transaction {status.TransactionId} was still {status.Status} when -TimeoutSec ({timeout.TotalSeconds:0} s) ran out. It goes on at Amazon; check it later with: Get-SpTransactionStatus -TransactionId {status.TransactionId} -Api {status.Api} -Wait")
    {
        TransactionId = status.TransactionId;
    }

    /// <summary>The transaction.</summary>
    public string TransactionId { get; }
}

/// <summary>
/// A transaction that ended in Failure: Amazon processed the submission and did not accept its invoices. The
/// message names the transaction, its invoices and each of Amazon's errors; the status itself is output too.
/// </summary>
public sealed class TransactionFailedException : Exception
{
    /// <summary>Creates the exception from the final status.</summary>
    public TransactionFailedException(VendorTransactionStatus status)
        : base(Describe(status))
    {
        Status = status;
    }

    /// <summary>The final status, with Amazon's errors.</summary>
    public VendorTransactionStatus Status { get; }

    // Amazon's text goes into the message cleaned, as every server text that reaches an exception does.
    private static string Describe(VendorTransactionStatus status)
    {
        var invoices = status.InvoiceIds.Count == 0
            ? "(invoice ids unknown: pass -InvoiceId or pipe Submit-SpVendorInvoice's result to name them)"
            : string.Join(", ", status.InvoiceIds);
        var errors = status.Errors.Count == 0
            ? "Amazon gave no error."
            : "Amazon's errors: " + string.Join("; ", status.Errors.Select(e => Http.ServerText.Clean(e.ToString())));
        return $"Transaction {status.TransactionId} ({status.Api}) ended in Failure for invoices {invoices}. {errors}";
    }
}

/// <summary>
/// CSV rows without the column that groups them into invoices (InvoiceNumber): reported once, before anything
/// else, with the columns the rows do have, because none of their other problems can be judged without it.
/// </summary>
public sealed class MissingCsvColumnException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public MissingCsvColumnException(string column, IReadOnlyList<string> presentColumns)
        : base(
            $"InputObject: the CSV rows have no {column} column, which groups the rows (one per line item) into invoices; no invoice is made from them. "
                + $"The columns present are: {string.Join(", ", presentColumns)}. Add an {column} column, or rename the column that holds the invoice number to {column}.",
            "InputObject")
    {
        Column = column;
        PresentColumns = presentColumns;
    }

    /// <summary>The missing column.</summary>
    public string Column { get; }

    /// <summary>The columns the rows have.</summary>
    public IReadOnlyList<string> PresentColumns { get; }
}
