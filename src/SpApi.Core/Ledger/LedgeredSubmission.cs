using SpApi.Core.Apis.VendorDirectFulfillmentPayments;
using SpApi.Core.Apis.VendorInvoices;
using SpApi.Core.Http;
using SpApi.Core.Invoicing;

namespace SpApi.Core.Ledger;

/// <summary>
/// Submission with a ledger: before an invoice is batched, <see cref="Check"/> says whether it was sent
/// before; before the POST, "Sending" is recorded for each invoice of the batch (after checking the ledger
/// again under its lock, in case another process sent them meanwhile); after it, the outcome.
/// </summary>
public sealed class LedgeredSubmission
{
    private readonly SubmissionLedger ledger;
    private readonly InvoiceSubmission submission;
    private readonly bool force;

    /// <summary>Wraps a run; with <paramref name="force"/> the ledger records but never refuses.</summary>
    public LedgeredSubmission(SubmissionLedger ledger, InvoiceSubmission submission, bool force)
    {
        this.ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        this.submission = submission ?? throw new ArgumentNullException(nameof(submission));
        this.force = force;
    }

    /// <summary>The ledger.</summary>
    public SubmissionLedger Ledger => ledger;

    /// <summary>
    /// Null when the invoice may be sent; the earlier record when it was already sent with the same content
    /// (skip it). Throws <see cref="LedgerConflictException"/> when its earlier outcome is unknown or it was
    /// sent with other content; with -Force always null.
    /// </summary>
    public LedgerRecord? Check(object invoice)
    {
        var (api, id) = KeyOf(invoice);
        ledger.Latest().TryGetValue((api, id), out var latest);
        return Decide(latest, id, SubmissionLedger.HashOf(invoice));
    }

    /// <summary>Records "Sending", sends the batch, records the outcome; a batch held back is recorded as not sent.</summary>
    public async Task<VendorInvoiceSubmission?> SendAsync(InvoiceBatch batch, CancellationToken cancellationToken)
    {
        if (batch is null)
        {
            throw new ArgumentNullException(nameof(batch));
        }

        if (submission.Halted)
        {
            Record(batch, LedgerEvent.NotSent, null, "held back after an unknown outcome earlier in the run");
            return await submission.SendAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        ledger.Update(latest => batch.Invoices.Select(invoice =>
        {
            var (api, id) = KeyOf(invoice);
            var hash = SubmissionLedger.HashOf(invoice);
            latest.TryGetValue((api, id), out var earlier);
            if (Decide(earlier, id, hash) is { } sent)
            {
                // Another run sent it since this one checked: the whole batch waits rather than send a duplicate.
                throw new LedgerConflictException(sent, outcomeUnknown: false, $"Invoice {id} was sent by another run while this one was preparing it ({sent}). Its batch was not sent; run again to send the others.");
            }

            return NewRecord(invoice, LedgerEvent.Sending, null, null);
        }).ToList());

        try
        {
            var result = await submission.SendAsync(batch, cancellationToken).ConfigureAwait(false);
            Record(batch, LedgerEvent.Accepted, result!.TransactionId, null);
            return result;
        }
        catch (SpApiException ex)
        {
            Record(batch, ex.RequestMayHaveBeenProcessed ? LedgerEvent.OutcomeUnknown : LedgerEvent.Rejected, null, ex.Kind.ToString());
            throw;
        }
        catch (SubmissionStoppedException)
        {
            // "Sending" alone would say the same, but not why: a run that was stopped, not one that died.
            Record(batch, LedgerEvent.OutcomeUnknown, null, "Stopped (Ctrl+C) while the request was in flight");
            throw;
        }
    }

    /// <summary>Records a final transaction status against each invoice the ledger has in that transaction; a ledger not yet written stays unwritten.</summary>
    public static void RecordStatus(SubmissionLedger ledger, VendorTransactionStatus status)
    {
        if (!status.IsFinal || !File.Exists(ledger.Path))
        {
            return;
        }

        var outcome = status.Status == "Success" ? LedgerEvent.Success : LedgerEvent.Failure;
        ledger.Update(latest => latest.Values
            .Where(r => r.TransactionId == status.TransactionId && r.Event == LedgerEvent.Accepted)
            .Select(r => new LedgerRecord
            {
                Api = r.Api, InvoiceId = r.InvoiceId, ContentHash = r.ContentHash, Total = r.Total, TransactionId = r.TransactionId, Event = outcome,
                Detail = status.Errors.Count == 0 ? null : string.Join("; ", status.Errors.Select(e => e.ToString())),
            })
            .ToList());
    }

    private LedgerRecord? Decide(LedgerRecord? earlier, string id, string hash)
    {
        if (force || earlier is null || earlier.Event is LedgerEvent.Rejected or LedgerEvent.NotSent)
        {
            return null;
        }

        if (earlier.IsUnknown)
        {
            throw new LedgerConflictException(earlier, outcomeUnknown: true,
                $"The outcome of invoice {id} is unknown: the ledger shows it {(earlier.Event == LedgerEvent.Sending ? "being sent" : "sent without an answer")} at {earlier.At:u} and nothing after. Amazon may have received it. Do not submit it again until you have checked it in Vendor Central (Payments, Invoices) or with Get-SpVendorInvoice; sending it twice could create a duplicate invoice. -Force sends it anyway.");
        }

        if (earlier.ContentHash == hash)
        {
            return earlier;
        }

        if (earlier.Event == LedgerEvent.Failure)
        {
            // Amazon's transaction refused the earlier content: a corrected invoice under the same number is the fix.
            return null;
        }

        throw new LedgerConflictException(earlier, outcomeUnknown: false,
            $"Invoice {id} was already sent with different content ({earlier}). Amazon treats the invoice number as the key, so the new content is not sent; use a new invoice number, or -Force to send it anyway.");
    }

    private void Record(InvoiceBatch batch, LedgerEvent outcome, string? transactionId, string? detail) =>
        ledger.Update(_ => batch.Invoices.Select(i => NewRecord(i, outcome, transactionId, detail)).ToList());

    private static LedgerRecord NewRecord(object invoice, LedgerEvent outcome, string? transactionId, string? detail)
    {
        var (api, id) = KeyOf(invoice);
        return new LedgerRecord
        {
            Api = api, InvoiceId = id, ContentHash = SubmissionLedger.HashOf(invoice), Event = outcome, TransactionId = transactionId, Detail = detail,
            Total = invoice switch
            {
                Invoice vendor => vendor.InvoiceTotal?.ToString(),
                InvoiceDetail directFulfillment => directFulfillment.InvoiceTotal?.ToString(),
                _ => null,
            },
        };
    }

    private static (string Api, string Id) KeyOf(object invoice) =>
        (InvoiceInput.ApiOf(invoice, InvoiceApi.Vendor).ToString(), InvoiceInput.IdOf(invoice) ?? throw new ArgumentException("InputObject: an invoice without a number cannot be submitted.", "InputObject"));
}
