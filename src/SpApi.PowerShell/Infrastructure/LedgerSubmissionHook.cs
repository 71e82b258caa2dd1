using System.Management.Automation;
using SpApi.Core.Http;
using SpApi.Core.Invoicing;
using SpApi.Core.Ledger;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>Submit-SpVendorInvoice's use of the submission ledger, kept apart from the cmdlet's own flow.</summary>
internal static class LedgerSubmissionHook
{
    /// <summary>The run's ledgered submission, or null when the ledger is off.</summary>
    public static LedgeredSubmission? Open(PSCmdlet cmdlet, string? ledgerPath, bool noLedger, bool force, SpApiClient client, InvoiceSubmission submission) =>
        LedgerLocation.Resolve(cmdlet, ledgerPath, noLedger, client.Options) is { } ledger ? new LedgeredSubmission(ledger, submission, force) : null;

    /// <summary>
    /// Whether the invoice goes on to be batched. One already sent with the same content is skipped with a
    /// warning that names its transaction and status; one sent with other content is a DuplicateVendorInvoice
    /// error; one whose outcome is unknown, or a ledger that cannot be read, stops the command.
    /// </summary>
    public static bool MaySend(PSCmdlet cmdlet, LedgeredSubmission? ledger, VendorInvoiceTestResult result)
    {
        if (ledger is null || !result.IsValid || result.Invoice is null)
        {
            return true;
        }

        try
        {
            if (ledger.Check(result.Invoice) is not { } earlier)
            {
                return true;
            }

            cmdlet.WriteWarning(
                $"Invoice {earlier.InvoiceId} was already sent with the same content, in transaction {earlier.TransactionId} (status: {StatusOf(earlier)}, recorded {earlier.At:u}); it is not sent again. -Force sends it anyway.");
            return false;
        }
        catch (LedgerConflictException ex) when (!ex.OutcomeUnknown)
        {
            cmdlet.WriteError(ErrorClassifier.Record(ex, ErrorIds.InvalidVendorInvoiceInput, result.InvoiceId));
            return false;
        }
        catch (Exception ex) when (ex is LedgerConflictException or SubmissionLedgerException)
        {
            cmdlet.ThrowTerminatingError(ErrorClassifier.Record(ex, ErrorIds.InvalidVendorInvoiceInput, result.InvoiceId));
            throw; // Not reached: ThrowTerminatingError always throws.
        }
    }

    private static string StatusOf(LedgerRecord record) => record.Event switch
    {
        LedgerEvent.Accepted => "accepted, final status not yet read",
        _ => record.Event.ToString(),
    };
}
