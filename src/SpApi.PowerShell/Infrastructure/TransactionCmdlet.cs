using System.Management.Automation;
using SpApi.Core.Invoicing;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>What Submit-SpVendorInvoice -Wait and Get-SpTransactionStatus -Wait share: waiting for transactions with a progress bar.</summary>
public abstract class TransactionCmdlet : ConnectedCmdlet
{
    /// <summary>
    /// Waits for the transactions and writes each final status as it arrives. A transaction still processing
    /// when the timeout runs out is written too, with a non-terminating TransactionWaitTimeout error.
    /// </summary>
    private protected void WaitForTransactions(VendorInvoicingApi api, IReadOnlyList<TransactionWatch> watches, TransactionWaitOptions options)
    {
        ActiveProgress = new ProgressRecord(3, "Waiting for transaction status", $"0 of {watches.Count} transaction(s) final");
        var timedOut = new List<VendorTransactionStatus>();
        try
        {
            RunCore(async (writer, ct) =>
            {
                var progress = new Reporter<TransactionWaitProgress>(p => writer.Run(() => ShowProgress(p)));
                await foreach (var status in TransactionWaiter.WaitAsync(api, watches, options, TimeProvider.System, progress, ct).ConfigureAwait(false))
                {
                    writer.Object(status);
                    if (!status.IsFinal)
                    {
                        timedOut.Add(status);
                    }
                }
            });
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            WriteError(ToErrorRecord(ex, "InvalidTransactionStatusParameter", watches.Select(w => w.TransactionId).ToArray()));
        }
        finally
        {
            ActiveProgress.RecordType = ProgressRecordType.Completed;
            WriteProgress(ActiveProgress);
        }

        foreach (var status in timedOut)
        {
            WriteError(ToErrorRecord(new TransactionWaitTimeoutException(status, options.Timeout!.Value), "InvalidTransactionStatusParameter", status.TransactionId));
        }
    }

    private void ShowProgress(TransactionWaitProgress progress)
    {
        ActiveProgress!.StatusDescription = $"{progress.Final} of {progress.Total} transaction(s) final, {progress.Elapsed.TotalSeconds:0} s so far; next check in {progress.NextCheck.TotalSeconds:0} s";
        ActiveProgress.PercentComplete = progress.Final * 100 / progress.Total;
        ActiveProgress.CurrentOperation = null;
        WriteProgress(ActiveProgress);
    }
}
