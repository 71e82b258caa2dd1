using System.Runtime.CompilerServices;
using SpApi.Core.Apis;
using SpApi.Core.Polling;

namespace SpApi.Core.Invoicing;

/// <summary>A transaction to read or wait for.</summary>
public sealed record TransactionWatch(string TransactionId, InvoiceApi Api, IReadOnlyList<string> InvoiceIds);

/// <summary>Where a wait stands, for Write-Progress.</summary>
public readonly record struct TransactionWaitProgress(int Final, int Total, TimeSpan Elapsed, TimeSpan NextCheck);

/// <summary>How transaction statuses are read and waited for.</summary>
public sealed class TransactionWaitOptions
{
    /// <summary>The poll interval when none is given, at Amazon's pace: 10 seconds.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often to read the statuses of the transactions still processing; null for <see cref="DefaultPollInterval"/>,
    /// divided by the rate scale of the connection's buckets (SPAPI_RATE_SCALE).
    /// </summary>
    public TimeSpan? PollInterval { get; set; }

    /// <summary>How long to wait for a final status; null waits as long as it takes.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The Direct Fulfillment Transaction Status version: current (2021-12-28) unless told.</summary>
    public DirectFulfillmentVersion DirectFulfillmentVersion { get; set; } = DirectFulfillmentVersion.Current;
}

/// <summary>Reads transaction statuses, and waits for them to become final (Success or Failure).</summary>
public static class TransactionWaiter
{
    /// <summary>Reads one status now.</summary>
    public static async Task<VendorTransactionStatus> GetAsync(
        VendorInvoicingApi api, TransactionWatch watch, TransactionWaitOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var transaction = await api.GetTransactionAsync(watch.Api, watch.TransactionId, options.DirectFulfillmentVersion, cancellationToken).ConfigureAwait(false);
        var errors = (transaction.Errors ?? new()).Select(e => new TransactionError(e.Code, e.Message, e.Details, InvoiceNamed(e, watch.InvoiceIds))).ToList();
        return new VendorTransactionStatus(watch.TransactionId, watch.Api, transaction.Status ?? "Unknown", errors, watch.InvoiceIds, time.GetUtcNow());
    }

    /// <summary>
    /// Polls until every transaction is final, yielding each as it becomes final. When the timeout would pass
    /// before the next check, the ones still processing are yielded with their last status (IsFinal false).
    /// A transaction whose status cannot be read (after the request path's retries) goes to
    /// <paramref name="failed"/> and is dropped; the others are still waited for.
    /// </summary>
    public static async IAsyncEnumerable<VendorTransactionStatus> WaitAsync(
        VendorInvoicingApi api,
        IReadOnlyList<TransactionWatch> watches,
        TransactionWaitOptions options,
        TimeProvider time,
        IProgress<TransactionWaitProgress>? progress,
        Action<TransactionWatch, Http.SpApiException>? failed,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var poller = new Poller(time, options.PollInterval ?? api.Client.Options.RateLimiters.Paced(TransactionWaitOptions.DefaultPollInterval), options.Timeout);
        var pending = watches.ToList();
        while (true)
        {
            var stillProcessing = new List<(TransactionWatch Watch, VendorTransactionStatus Status)>();
            foreach (var watch in pending)
            {
                VendorTransactionStatus status;
                try
                {
                    status = await GetAsync(api, watch, options, time, cancellationToken).ConfigureAwait(false);
                }
                catch (Http.SpApiException ex) when (failed is not null)
                {
                    failed(watch, ex);
                    continue;
                }

                if (status.IsFinal)
                {
                    yield return status;
                }
                else
                {
                    stillProcessing.Add((watch, status));
                }
            }

            if (stillProcessing.Count == 0)
            {
                yield break;
            }

            pending = stillProcessing.Select(p => p.Watch).ToList();
            var final = watches.Count - pending.Count;
            if (!await poller.WaitForNextCheckAsync(elapsed => progress?.Report(new TransactionWaitProgress(final, watches.Count, elapsed, poller.Interval)), cancellationToken).ConfigureAwait(false))
            {
                foreach (var (_, status) in stillProcessing)
                {
                    yield return status;
                }

                yield break;
            }
        }
    }

    // Amazon's transaction errors are not per invoice; an error that names one of the transaction's invoices is about that one.
    private static string? InvoiceNamed(Http.SpApiError error, IReadOnlyList<string> invoiceIds) =>
        invoiceIds.Where(id => (error.Message + " " + error.Details).Contains(id)).OrderByDescending(id => id.Length).FirstOrDefault();
}
