using System.Management.Automation;
using SpApi.Core.Apis;
using SpApi.Core.Http;
using SpApi.Core.Invoicing;
using SpApi.Core.Ledger;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>What Submit-SpVendorInvoice -Wait and Get-SpTransactionStatus -Wait share: waiting for transactions with a progress bar.</summary>
public abstract class TransactionCmdlet : ConnectedCmdlet
{
    /// <summary>Waits for each transaction's final status (Success or Failure), with a progress bar, and outputs it.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>With -Wait: how long to wait, in seconds; no limit when not given.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? TimeoutSec { get; set; }

    /// <summary>With -Wait: how often to read the statuses, in seconds (default 10, divided by SPAPI_RATE_SCALE; a given value is used as given).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int PollIntervalSec { get; set; } = (int)TransactionWaitOptions.DefaultPollInterval.TotalSeconds;

    /// <summary>The wait settings of -PollIntervalSec and -TimeoutSec.</summary>
    private protected TransactionWaitOptions WaitOptions(string directFulfillmentVersion) => new()
    {
        // Not given: Core paces the default to the connection's rate scale.
        PollInterval = MyInvocation.BoundParameters.ContainsKey(nameof(PollIntervalSec)) ? TimeSpan.FromSeconds(PollIntervalSec) : null,
        Timeout = TimeoutSec is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        DirectFulfillmentVersion = DirectFulfillmentVersion.Parse(directFulfillmentVersion),
    };

    /// <summary>
    /// Waits for the transactions and writes each final status as it arrives. A transaction still processing
    /// when the timeout runs out is written too, with a non-terminating TransactionWaitTimeout error.
    /// </summary>
    /// <remarks>
    /// A transaction whose status cannot be read gets its own error and the others are still waited for.
    /// With <paramref name="justSubmitted"/>, that error says the invoices were accepted, so nobody sends them again.
    /// A final status is recorded in <paramref name="ledger"/>, when there is one.
    /// </remarks>
    private protected void WaitForTransactions(VendorInvoicingApi api, IReadOnlyList<TransactionWatch> watches, TransactionWaitOptions options, bool justSubmitted, SubmissionLedger? ledger = null)
    {
        var timedOut = new List<VendorTransactionStatus>();
        WithProgress(new ProgressRecord(3, "Waiting for transaction status", $"0 of {watches.Count} transaction(s) final"), () => RunCoreOrWriteError(
            async (writer, ct) =>
            {
                void Failed(TransactionWatch watch, SpApiException ex) =>
                    writer.Error(ToErrorRecord(justSubmitted ? Accepted(watch, ex) : ex, ErrorIds.InvalidTransactionStatusParameter, watch.TransactionId));

                var progress = ProgressBar<TransactionWaitProgress>(writer, ShowProgress);
                await foreach (var status in TransactionWaiter.WaitAsync(api, watches, options, TimeProvider.System, progress, Failed, ct).ConfigureAwait(false))
                {
                    if (ledger is not null)
                    {
                        LedgeredSubmission.RecordStatus(ledger, status);
                    }

                    WriteStatus(writer, status);
                    if (!status.IsFinal)
                    {
                        timedOut.Add(status);
                    }
                }
            },
            ErrorIds.InvalidTransactionStatusParameter,
            watches.Select(w => w.TransactionId).ToArray()));

        foreach (var status in timedOut)
        {
            WriteError(ToErrorRecord(new TransactionWaitTimeoutException(status, options.Timeout!.Value), ErrorIds.InvalidTransactionStatusParameter, status.TransactionId));
        }
    }

    /// <summary>
    /// Writes a status, and for one that ended in Failure a non-terminating SpApiTransactionFailed error after it,
    /// so that $? and -ErrorAction Stop see the failure while the status object still carries Amazon's errors.
    /// </summary>
    private protected static void WriteStatus(PipelineWriter writer, VendorTransactionStatus status)
    {
        writer.Object(status);
        if (status.IsFailure)
        {
            writer.Error(ToErrorRecord(new TransactionFailedException(status), ErrorIds.SpApiTransactionFailed, status));
        }
    }

    // The submission itself succeeded: say so first, or a person might send the invoices a second time. The read's own
    // failure comes after the advice, so a server's "Please try again" reads as about the status, which is to be read again.
    private static SpApiException Accepted(TransactionWatch watch, SpApiException ex) => ex.WithMessage(
        $"Amazon accepted invoices {string.Join(", ", watch.InvoiceIds)} in transaction {watch.TransactionId}: do not submit them again. "
            + $"Reading the transaction's status failed: {ex.Message} Read it later with: Get-SpTransactionStatus -TransactionId {watch.TransactionId} -Api {watch.Api} -Wait",
        requestMayHaveBeenProcessed: false);

    private static void ShowProgress(ProgressRecord record, TransactionWaitProgress progress)
    {
        record.StatusDescription = $"{progress.Final} of {progress.Total} transaction(s) final, {progress.Elapsed.TotalSeconds:0} s so far; next check in {progress.NextCheck.TotalSeconds:0} s";
        record.PercentComplete = progress.Final * 100 / progress.Total;
        record.CurrentOperation = null;
    }
}
