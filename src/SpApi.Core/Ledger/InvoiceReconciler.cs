using System.Globalization;
using System.Runtime.CompilerServices;
using SpApi.Core.Apis;
using SpApi.Core.Apis.FinancesInvoices;
using SpApi.Core.Invoicing;
using SpApi.Core.Workflows;

namespace SpApi.Core.Ledger;

/// <summary>The question "for every invoice I submitted since then, what did Amazon do with it?".</summary>
public sealed class ReconciliationQuery
{
    /// <summary>The marketplace of Amazon's records (required).</summary>
    public string MarketplaceId { get; set; } = string.Empty;

    /// <summary>Invoices first sent after this time.</summary>
    public DateTimeOffset SubmittedAfter { get; set; }

    /// <summary>A transaction Processing for longer than this is flagged Stale; an invoice Amazon has no record of after it, UnknownToAmazon.</summary>
    public TimeSpan Threshold { get; set; } = TimeSpan.FromDays(2);
}

/// <summary>
/// Joins the ledger, the transaction statuses and Finances Invoices into one result per submitted vendor invoice.
/// Amazon's records are read once, as headers issued from 90 days before the first submission on (an invoice
/// is usually dated before it is sent), and matched by invoice number; the lines are read only for invoices
/// not paid in full, for their variance reasons. A transaction status found final is recorded in the ledger.
/// </summary>
public static class InvoiceReconciler
{
    /// <summary>How far before the first submission Amazon's records are looked for.</summary>
    public static readonly TimeSpan InvoiceDateLead = TimeSpan.FromDays(90);

    /// <summary>One result per submitted vendor invoice, oldest submission first.</summary>
    public static async IAsyncEnumerable<VendorInvoiceReconciliation> ReconcileAsync(
        SubmissionLedger ledger,
        VendorInvoicingApi invoicing,
        FinancesInvoicesApi finances,
        ReconciliationQuery query,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var history = ledger.ReadAll().Where(r => r.Api == nameof(InvoiceApi.Vendor)).ToList();
        var submitted = history
            .GroupBy(r => r.InvoiceId, StringComparer.Ordinal)
            .Select(g => (Latest: g.Last(), SentAt: g.Where(r => r.ContentHash == g.Last().ContentHash && r.Event == LedgerEvent.Sending).Select(r => r.At).DefaultIfEmpty(g.Last().At).Min()))
            .Where(s => s.SentAt > query.SubmittedAfter && s.Latest.Event is not (LedgerEvent.NotSent or LedgerEvent.Rejected))
            .OrderBy(s => s.SentAt)
            .ToList();
        if (submitted.Count == 0)
        {
            yield break;
        }

        var statuses = await TransactionStatusesAsync(ledger, invoicing, submitted.Select(s => s.Latest), time, cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, InvoiceHeader>(StringComparer.Ordinal);
        var range = new VendorInvoiceHeaderRangeQuery { MarketplaceId = query.MarketplaceId, IssuedAfter = submitted[0].SentAt - InvoiceDateLead, IssuedBefore = now };
        await foreach (var header in VendorInvoiceHeaderRange.ReadAsync(finances, range, null, cancellationToken).ConfigureAwait(false))
        {
            if (header.InvoiceNumber is { } number && !headers.ContainsKey(number))
            {
                headers[number] = header;
            }
        }

        foreach (var (latest, sentAt) in submitted)
        {
            var status = latest.TransactionId is { } id && statuses.TryGetValue(id, out var read) ? read : StatusOf(latest);
            headers.TryGetValue(latest.InvoiceId, out var header);
            var overdue = now - sentAt > query.Threshold;
            yield return new VendorInvoiceReconciliation
            {
                InvoiceId = latest.InvoiceId,
                SubmittedAt = sentAt,
                SubmittedTotal = latest.Total,
                LedgerEvent = latest.Event,
                TransactionId = latest.TransactionId,
                TransactionStatus = status,
                AmazonStatus = header?.InvoiceStatus,
                InvoiceAmount = header?.InvoiceAmount?.CurrencyAmount,
                AmountPaid = header?.Settled("AmountPaid"),
                QueuedForPayment = header?.Settled("QueuedForPayment"),
                Variances = header is null ? new ReadableList<string>() : await VariancesAsync(finances, query.MarketplaceId, header, cancellationToken).ConfigureAwait(false),
                Stale = status == "Processing" && overdue,
                UnknownToAmazon = header is null && overdue,
            };
        }
    }

    // One read per transaction not yet final in the ledger; a final status is written back to it.
    private static async Task<Dictionary<string, string>> TransactionStatusesAsync(
        SubmissionLedger ledger, VendorInvoicingApi invoicing, IEnumerable<LedgerRecord> latest, TimeProvider time, CancellationToken cancellationToken)
    {
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var transaction in latest.Where(r => r.Event == LedgerEvent.Accepted && r.TransactionId is not null).GroupBy(r => r.TransactionId!))
        {
            var watch = new TransactionWatch(transaction.Key, InvoiceApi.Vendor, transaction.Select(r => r.InvoiceId).ToList());
            var status = await TransactionWaiter.GetAsync(invoicing, watch, new TransactionWaitOptions(), time, cancellationToken).ConfigureAwait(false);
            LedgeredSubmission.RecordStatus(ledger, status);
            statuses[transaction.Key] = status.Status;
        }

        return statuses;
    }

    private static string? StatusOf(LedgerRecord record) => record.Event switch
    {
        LedgerEvent.Success => "Success",
        LedgerEvent.Failure => "Failure",
        _ => null,
    };

    private static async Task<ReadableList<string>> VariancesAsync(FinancesInvoicesApi finances, string marketplaceId, InvoiceHeader header, CancellationToken cancellationToken)
    {
        var variances = new ReadableList<string>();
        variances.AddRange(header.InvoiceSettlementBreakdowns
            .Where(b => b.BreakdownType is "QuantityVarianceAmount" or "PriceVariance" && b.BreakdownAmount?.CurrencyAmount is not null)
            .Select(b => $"{b.BreakdownType} {b.BreakdownAmount!.CurrencyAmount!.Value.ToString(CultureInfo.InvariantCulture)}"));
        if (header.InvoiceStatus is "PAID" or "IN_PROGRESS" || header.InvoiceIdentifier is null)
        {
            return variances;
        }

        var invoice = await finances.GetInvoiceAsync(marketplaceId, header.InvoiceIdentifier, cancellationToken).ConfigureAwait(false);
        variances.AddRange(invoice.InvoiceItems
            .Where(l => l.LineItemContext?.MatchingContext?.VarianceReasons.Count > 0)
            .Select(l => $"{l.LineItemId}: {string.Join(", ", l.LineItemContext!.MatchingContext!.VarianceReasons)}"));
        return variances;
    }
}
