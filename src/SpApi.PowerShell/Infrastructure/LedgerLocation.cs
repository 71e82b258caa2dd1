using System.Management.Automation;
using SpApi.Core.Http;
using SpApi.Core.Ledger;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>
/// Where a command's submission ledger is: -LedgerPath (a folder), else the user's local application data;
/// none with -NoLedger or when SPAPI_LEDGER is Off (for a whole session or scheduled task).
/// </summary>
internal static class LedgerLocation
{
    /// <summary>The variable that turns the ledger off when it is Off (any case).</summary>
    public const string SwitchVariable = "SPAPI_LEDGER";

    /// <summary>The ledger of the connection's account, or null when it is turned off. An explicit -LedgerPath wins over SPAPI_LEDGER.</summary>
    public static SubmissionLedger? Resolve(PSCmdlet cmdlet, string? ledgerPath, bool noLedger, SpApiClientOptions options)
    {
        if (noLedger || (ledgerPath is null && string.Equals(Environment.GetEnvironmentVariable(SwitchVariable), "Off", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var folder = ledgerPath is null ? SubmissionLedger.DefaultFolder : Folder(cmdlet, ledgerPath);
        return new SubmissionLedger(SubmissionLedger.FileFor(folder, options), TimeProvider.System);
    }

    // A PowerShell path of the file system, as every -Path is; anything else stops the command before any request.
    private static string Folder(PSCmdlet cmdlet, string ledgerPath)
    {
        try
        {
            return ProviderPaths.Folder(cmdlet, ledgerPath, "LedgerPath").ProviderPath;
        }
        catch (ArgumentException ex)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.SubmissionLedgerUnavailable, ErrorCategory.InvalidArgument, ledgerPath));
            throw; // Not reached: ThrowTerminatingError always throws.
        }
    }
}
