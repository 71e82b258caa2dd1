using System.Management.Automation;
using SpApi.Core.Apis.FinancesInvoices;
using SpApi.Core.Invoicing;
using SpApi.Core.Ledger;
using SpApi.PowerShell.Completers;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Answers "for every invoice I submitted in the last N days, what did Amazon do with it?": one object per
/// invoice, joining the submission ledger, the transaction status and Amazon's own record (Finances Invoices).
/// </summary>
[Cmdlet(VerbsCommon.Get, "SpVendorInvoiceReconciliation", HelpUri = HelpLinks.Root + "Get-SpVendorInvoiceReconciliation.md")]
[OutputType(typeof(VendorInvoiceReconciliation))]
public sealed class GetSpVendorInvoiceReconciliationCommand : ConnectedCmdlet
{
    /// <summary>The marketplace of Amazon's invoice records, for example ATVPDKIKX0DER.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(MarketplaceIdCompleter))]
    public string MarketplaceId { get; set; } = string.Empty;

    /// <summary>Invoices first submitted in the last this many days (default 30).</summary>
    [Parameter]
    [ValidateRange(1, 3650)]
    public int Days { get; set; } = 30;

    /// <summary>Hours after submission from which a transaction still Processing is Stale, and an invoice Amazon has no record of is UnknownToAmazon (default 48).</summary>
    [Parameter]
    [ValidateRange(1, 24 * 365)]
    public int ThresholdHours { get; set; } = 48;

    /// <summary>The folder of the submission ledger, as given to Submit-SpVendorInvoice -LedgerPath.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? LedgerPath { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var client = Client;
        if (LedgerLocation.Resolve(this, LedgerPath, noLedger: false, client.Options) is not { } ledger)
        {
            WriteWarning($"The submission ledger is off ({LedgerLocation.SwitchVariable}=Off); pass -LedgerPath to reconcile one.");
            return;
        }

        var query = new ReconciliationQuery
        {
            MarketplaceId = MarketplaceId,
            SubmittedAfter = DateTimeOffset.UtcNow.AddDays(-Days),
            Threshold = TimeSpan.FromHours(ThresholdHours),
        };
        RunCoreOrTerminate(
            async (writer, ct) =>
            {
                await foreach (var result in InvoiceReconciler.ReconcileAsync(ledger, new VendorInvoicingApi(client), new FinancesInvoicesApi(client), query, TimeProvider.System, ct).ConfigureAwait(false))
                {
                    writer.Object(result);
                }
            },
            ErrorIds.InvalidVendorInvoiceQuery,
            MarketplaceId);
    }
}
