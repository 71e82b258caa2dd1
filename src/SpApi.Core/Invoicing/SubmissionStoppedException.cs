namespace SpApi.Core.Invoicing;

/// <summary>
/// The run was stopped (Ctrl+C, StopProcessing) while a batch's request was on its way or waiting for its answer:
/// Amazon may have received it, so its invoices' outcome is unknown. An OperationCanceledException, so a stop is
/// still a stop (SpApiOperationStopped) wherever it is caught; the message names the invoices and what to do.
/// </summary>
public sealed class SubmissionStoppedException : OperationCanceledException
{
    /// <summary>Creates the exception for the batch's invoices.</summary>
    public SubmissionStoppedException(string operation, IReadOnlyList<string> invoiceIds, OperationCanceledException stop)
        : base(
            $"Stopped while submitting invoices {string.Join(", ", invoiceIds)} ({operation}): the outcome of that request is unknown, Amazon may have received it. "
                + "Check them with Get-SpVendorInvoiceSubmission, Get-SpVendorInvoice or in Vendor Central (Payments, Invoices) before submitting them again: sending them twice could create duplicate invoices.",
            stop,
            stop.CancellationToken)
    {
        InvoiceIds = invoiceIds;
    }

    /// <summary>The invoice numbers of the batch whose outcome is unknown.</summary>
    public IReadOnlyList<string> InvoiceIds { get; }
}
