using System.Management.Automation;
using SpApi.Core.Apis;
using SpApi.Core.Invoicing;
using SpApi.Core.Ledger;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Submits vendor invoices (submitInvoices) or Direct Fulfillment invoices (submitInvoice). Every invoice is
/// checked first and an invalid one is never sent; valid ones go in batches (50 per request by default, at
/// most 1 MiB), one result per batch with its TransactionId. -Wait follows the transactions to Success or
/// Failure. A request whose fate is unknown is never sent again, and the rest of the run is held back.
/// </summary>
[Cmdlet(VerbsLifecycle.Submit, "SpVendorInvoice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InvoiceInputSets.InputObject, HelpUri = HelpLinks.Root + "Submit-SpVendorInvoice.md")]
[OutputType(typeof(VendorInvoiceSubmission), typeof(VendorTransactionStatus))]
public sealed class SubmitSpVendorInvoiceCommand : TransactionCmdlet
{
    private readonly List<TransactionWatch> submitted = new();
    private InvoiceStream? stream;
    private InvoiceBatcher? batcher;
    private InvoiceSubmission? submission;
    private VendorInvoicingApi? api;
    private LedgeredSubmission? ledger;

    /// <summary>Invoices from New-SpVendorInvoice or Test-SpVendorInvoice, hashtables or objects in the model's shape, CSV rows, or JSON files from Get-ChildItem.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = InvoiceInputSets.InputObject)]
    [AllowNull]
    public object? InputObject { get; set; }

    /// <summary>JSON files holding {"invoices": [...]}, an array of invoices, or one invoice; wildcards name several.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InvoiceInputSets.Path)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>As -Path, taken exactly as written: no character is a wildcard.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InvoiceInputSets.LiteralPath)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>Reads plain input as Direct Fulfillment invoices and sends them with submitInvoice; model objects keep their own kind.</summary>
    [Parameter]
    public SwitchParameter DirectFulfillment { get; set; }

    /// <summary>Sends invoices that break the model's rules too (the input must still read as the model). Amazon will judge them.</summary>
    [Parameter]
    public SwitchParameter SkipValidation { get; set; }

    /// <summary>The most invoices per request, 1 to 100 (default 50); a request also closes before 1 MiB.</summary>
    [Parameter]
    [ValidateRange(1, InvoiceBatcher.LargestBatch)]
    public int BatchSize { get; set; } = InvoiceBatcher.DefaultMaxInvoices;

    /// <summary>The folder of the submission ledger; default SpApi/ledger in the user's local application data.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? LedgerPath { get; set; }

    /// <summary>Submits without the submission ledger: nothing is recorded and earlier submissions are not checked (so is SPAPI_LEDGER=Off).</summary>
    [Parameter]
    public SwitchParameter NoLedger { get; set; }

    /// <summary>Sends invoices the ledger would hold back: already sent, sent with other content, or with an unknown outcome.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        stream = new InvoiceStream(InvoiceInputSets.Api(DirectFulfillment), applyRules: !SkipValidation);
        batcher = new InvoiceBatcher(BatchSize);
        api = new VendorInvoicingApi(Client);
        submission = new InvoiceSubmission(api, TimeProvider.System);
        ledger = LedgerSubmissionHook.Open(this, LedgerPath, NoLedger, Force, Client, submission);
    }

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        InvoiceInputSets.ForEach(this, ParameterSetName, InputObject, Path, LiteralPath, source => Accept(stream!.Add(source)));

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        Accept(stream!.Complete());
        foreach (var batch in batcher!.Flush())
        {
            Send(batch);
        }

        if (submission!.NotSent.Count > 0)
        {
            WriteError(ToErrorRecord(new InvoicesNotSentException(submission.NotSent), ErrorIds.InvalidVendorInvoiceInput, submission.NotSent));
        }

        if (Wait && submitted.Count > 0)
        {
            WaitForTransactions(api!, submitted, WaitOptions(DirectFulfillmentVersion.CurrentName), justSubmitted: true, ledger?.Ledger);
        }
    }

    private void Accept(IEnumerable<VendorInvoiceTestResult> results)
    {
        foreach (var result in results)
        {
            if (!LedgerSubmissionHook.MaySend(this, ledger, result))
            {
                continue;
            }

            // Per invoice: one that cannot be batched is not sent, and the others go on.
            if (OrWriteError(() => batcher!.Add(result), ErrorIds.InvalidVendorInvoiceInput, result.InvoiceId) is not { } closed)
            {
                continue;
            }

            foreach (var batch in closed)
            {
                Send(batch);
            }
        }
    }

    private void Send(InvoiceBatch batch)
    {
        var operation = batch.Operation;
        if (!submission!.Halted && !ShouldProcess(batch.Describe(), $"Submit to {operation.Name} ({operation.Method} {operation.PathTemplate})"))
        {
            return;
        }

        // One batch's failure is reported and the run goes on (or holds back, after an unknown outcome).
        OrWriteError(
            () => WarnWhenStopped(async (writer, ct) =>
            {
                if (await (ledger is null ? submission.SendAsync(batch, ct) : ledger.SendAsync(batch, ct)).ConfigureAwait(false) is not { } result)
                {
                    return;
                }

                if (Wait)
                {
                    submitted.Add(new TransactionWatch(result.TransactionId, result.Api, result.InvoiceIds));
                }
                else
                {
                    writer.Object(result);
                }
            }),
            ErrorIds.InvalidVendorInvoiceInput,
            batch.InvoiceIds);
    }

    // Ctrl+C while a batch is in flight: the warning names its invoices before the pipeline stops, since the stop
    // itself (SpApiOperationStopped) names nothing, and a stopping pipeline takes no error record.
    private void WarnWhenStopped(Func<PipelineWriter, CancellationToken, Task> send)
    {
        try
        {
            RunCore(send);
        }
        catch (SubmissionStoppedException stopped)
        {
            WriteWarningWhileStopping(stopped.Message);
            throw;
        }
    }
}
