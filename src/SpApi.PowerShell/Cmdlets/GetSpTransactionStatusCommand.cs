using System.Management.Automation;
using SpApi.Core.Apis;
using SpApi.Core.Invoicing;
using SpApi.Core.Ledger;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Reads the status of an invoice submission's transaction: Processing, Success, or Failure with Amazon's
/// errors. Pipe Submit-SpVendorInvoice's results to it; -Wait polls until the status is final.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SpTransactionStatus", HelpUri = HelpLinks.Root + "Get-SpTransactionStatus.md")]
[OutputType(typeof(VendorTransactionStatus))]
public sealed class GetSpTransactionStatusCommand : TransactionCmdlet
{
    // Boxed: a field of one of Core's value types would make PowerShell load SpApi.Core to read the cmdlet types,
    // before the module's load context exists (docs/loading.md, CmdletTypesTests).
    private object api = InvoiceApi.Vendor;

    private readonly List<TransactionWatch> waiting = new();

    /// <summary>The transaction id, from Submit-SpVendorInvoice.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string TransactionId { get; set; } = string.Empty;

    /// <summary>The API of the transaction: Vendor (getTransaction, the default) or DirectFulfillment (getTransactionStatus).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public InvoiceApi Api
    {
        get => (InvoiceApi)api;
        set => api = value;
    }

    /// <summary>The invoices of the transaction, carried into the output so Amazon's errors can be matched to them.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("InvoiceIds")]
    [ValidateNotNull]
    public string[] InvoiceId { get; set; } = Array.Empty<string>();

    /// <summary>For Direct Fulfillment: the Transaction Status API version, 2021-12-28 (default) or v1.</summary>
    [Parameter]
    [ValidateSet(DirectFulfillmentVersion.CurrentName, DirectFulfillmentVersion.LegacyName)]
    [CanonicalSpelling(DirectFulfillmentVersion.CurrentName, DirectFulfillmentVersion.LegacyName)]
    public string ApiVersion { get; set; } = DirectFulfillmentVersion.CurrentName;

    /// <summary>The folder of the submission ledger a final status is recorded in (as Submit-SpVendorInvoice -LedgerPath); off with SPAPI_LEDGER=Off.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? LedgerPath { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var watch = new TransactionWatch(TransactionId, Api, InvoiceId);
        if (Wait)
        {
            // Every transaction of the pipeline is waited for together, in EndProcessing.
            waiting.Add(watch);
            return;
        }

        var api = new VendorInvoicingApi(Client);
        var options = WaitOptions(ApiVersion);
        var ledger = Ledger();
        RunCoreOrWriteError(
            async (writer, ct) =>
            {
                var status = await TransactionWaiter.GetAsync(api, watch, options, TimeProvider.System, ct).ConfigureAwait(false);
                if (ledger is not null)
                {
                    LedgeredSubmission.RecordStatus(ledger, status);
                }

                WriteStatus(writer, status);
            },
            ErrorIds.InvalidTransactionStatusParameter,
            TransactionId);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (waiting.Count > 0)
        {
            WaitForTransactions(new VendorInvoicingApi(Client), waiting, WaitOptions(ApiVersion), justSubmitted: false, Ledger());
        }
    }

    private SubmissionLedger? Ledger() => LedgerLocation.Resolve(this, LedgerPath, noLedger: false, Client.Options);
}
