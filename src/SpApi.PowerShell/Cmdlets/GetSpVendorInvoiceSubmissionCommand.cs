using System.Management.Automation;
using SpApi.Core.Ledger;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Lists the submission ledger of the connection's account: the latest record of each invoice Submit-SpVendorInvoice
/// sent (or every record with -History), filtered by invoice id, event and date. Its output binds to
/// Get-SpTransactionStatus (TransactionId, Api) by property name.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SpVendorInvoiceSubmission", HelpUri = HelpLinks.Root + "Get-SpVendorInvoiceSubmission.md")]
[OutputType(typeof(LedgerRecord))]
public sealed class GetSpVendorInvoiceSubmissionCommand : ConnectedCmdlet
{
    /// <summary>Only these invoice numbers; wildcards allowed.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[]? InvoiceId { get; set; }

    /// <summary>Only records of these events (Sending, Accepted, OutcomeUnknown, Rejected, NotSent, Success, Failure), any case.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateSet("Sending", "Accepted", "OutcomeUnknown", "Rejected", "NotSent", "Success", "Failure")]
    [CanonicalSpelling("Sending", "Accepted", "OutcomeUnknown", "Rejected", "NotSent", "Success", "Failure")]
    public string[]? Status { get; set; }

    /// <summary>Only records written after this time.</summary>
    [Parameter]
    [DateArgument]
    public DateTimeOffset? After { get; set; }

    /// <summary>Only records written before this time.</summary>
    [Parameter]
    [DateArgument]
    public DateTimeOffset? Before { get; set; }

    /// <summary>Every record, oldest first, instead of the latest of each invoice.</summary>
    [Parameter]
    public SwitchParameter History { get; set; }

    /// <summary>The folder of the ledger, as given to Submit-SpVendorInvoice -LedgerPath.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? LedgerPath { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var ledger = LedgerLocation.Resolve(this, LedgerPath, noLedger: false, Client.Options);
        if (ledger is null)
        {
            WriteWarning($"The submission ledger is off ({LedgerLocation.SwitchVariable}=Off); pass -LedgerPath to read one.");
            return;
        }

        var records = OrTerminate(() => History ? ledger.ReadAll() : ledger.Latest().Values.OrderBy(r => r.At).ToList(), ErrorIds.InvalidVendorInvoiceInput, ledger.Path);
        var ids = InvoiceId?.Select(i => WildcardPattern.Get(i, WildcardOptions.IgnoreCase)).ToList();
        var after = After;
        var before = Before;
        foreach (var record in records)
        {
            if ((ids is null || ids.Any(p => p.IsMatch(record.InvoiceId)))
                && (Status is null || Status.Contains(record.Event.ToString(), StringComparer.OrdinalIgnoreCase))
                && (after is null || record.At > after)
                && (before is null || record.At < before))
            {
                WriteObject(record);
            }
        }
    }
}
