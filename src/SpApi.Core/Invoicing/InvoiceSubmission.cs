using SpApi.Core.Http;

namespace SpApi.Core.Invoicing;

/// <summary>
/// Sends batches one after the other. After a request whose outcome is unknown (a 5xx, a dropped
/// connection or a timeout once the request went out, a 3xx, an accepted answer that cannot be read: anything
/// but Amazon's own 4xx rejection or a request that never left), nothing more is sent in this run: the remaining
/// invoices are collected in <see cref="NotSent"/>, so the person has one unknown request to check rather
/// than one per batch, and a clear list of what is safe to send again.
/// </summary>
public sealed class InvoiceSubmission
{
    private readonly VendorInvoicingApi api;
    private readonly TimeProvider time;
    private readonly List<string> notSent = new();

    /// <summary>Creates a run.</summary>
    public InvoiceSubmission(VendorInvoicingApi api, TimeProvider time)
    {
        this.api = api ?? throw new ArgumentNullException(nameof(api));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>True once a request's outcome is unknown; later batches are held back.</summary>
    public bool Halted { get; private set; }

    /// <summary>The invoices held back after <see cref="Halted"/>.</summary>
    public IReadOnlyList<string> NotSent => notSent;

    /// <summary>Sends the batch, or holds it back when the run has halted (then returns null).</summary>
    public async Task<VendorInvoiceSubmission?> SendAsync(InvoiceBatch batch, CancellationToken cancellationToken)
    {
        if (Halted)
        {
            notSent.AddRange(batch.InvoiceIds);
            return null;
        }

        try
        {
            var transactionId = await api.SubmitAsync(batch, cancellationToken).ConfigureAwait(false);
            return new VendorInvoiceSubmission(transactionId, batch.Api, batch.InvoiceIds, time.GetUtcNow());
        }
        catch (OperationCanceledException stop) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the caller (Ctrl+C), not timed out: the request may already be on its way, so its invoices
            // are named. Whether it left is not known here (it may still have been waiting for its rate limit), and
            // "unknown" is the side that never leads to a duplicate.
            Halted = true;
            throw new SubmissionStoppedException(batch.Operation.Name, batch.InvoiceIds, stop);
        }
        catch (SpApiException ex)
        {
            Halted |= ex.RequestMayHaveBeenProcessed;
            var ids = string.Join(", ", batch.InvoiceIds);
            // Only Amazon's own rejection (a 4xx with its errors) or a request that never left proves that
            // nothing was processed; the request path marks everything else RequestMayHaveBeenProcessed.
            throw ex.WithMessage(ex.RequestMayHaveBeenProcessed
                ? OutcomeUnknown(ids, ex)
                : ex.StatusCode is { } status && (int)status is >= 400 and < 500
                    ? $"{ex.Message} Amazon rejected the request, so none of its invoices were processed: {ids}. Fix the cause and submit them again."
                    : $"{ex.Message} The request never reached Amazon, so none of its invoices were processed: {ids}. Submit them again once the cause is fixed.");
        }
    }

    // What is known, then the one advice; Amazon's own text (a 5xx says "Please try again") stays in the exception's Errors.
    // No transaction id came back, so Vendor Central is where the invoices can be checked.
    private static string OutcomeUnknown(string ids, SpApiException ex) =>
        $"The outcome of submitting invoices {ids} is unknown: {ex.OutcomeUnknownCause ?? "the request went out, but no answer says how it ended"}. "
            + "Amazon may have received them. Do not submit them again until you have checked them in Vendor Central (Payments, Invoices): "
            + "sending them twice could create duplicate invoices. Later batches of this run are held back."
            + ErrorMapper.RequestIdSentence(ex.RequestId);
}
