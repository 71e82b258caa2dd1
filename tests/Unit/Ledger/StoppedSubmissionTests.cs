using SpApi.Core.Apis;
using SpApi.Core.Invoicing;
using SpApi.Core.Ledger;
using SpApi.Sandbox;
using SpApi.Tests.Support;
using SpApi.Tests.VendorInvoices;

namespace SpApi.Tests.Ledger;

/// <summary>
/// Issue 14, item 9, Core's part: a submission stopped (Ctrl+C) while its request waits for Amazon's answer names
/// its invoices as outcome unknown, holds the rest of the run back, and leaves the ledger saying so.
/// </summary>
public sealed class StoppedSubmissionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-stopped-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task AStopWhileTheRequestIsInFlightNamesTheBatchAndTheLedgerSaysOutcomeUnknown()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.State.Faults.Inject(FaultKind.Hang, 1, "submitInvoices");
        var held = sandbox.State.Faults.NextSlowStart("submitInvoices");
        var ledger = new SubmissionLedger(Path.Combine(folder, "ledger.jsonl"), TimeProvider.System);
        var submission = new InvoiceSubmission(new VendorInvoicingApi(sandbox.Client()), TimeProvider.System);
        var ledgered = new LedgeredSubmission(ledger, submission, force: false);
        var batcher = new InvoiceBatcher();
        batcher.Add(InvoiceSamples.Test(InvoiceApi.Vendor));
        batcher.Add(InvoiceSamples.Test(InvoiceApi.Vendor, ("id", "\"INV-2\"")));
        var batch = Assert.Single(batcher.Flush());
        using var ctrlC = new CancellationTokenSource();

        var sending = ledgered.SendAsync(batch, ctrlC.Token);
        await held;
        ctrlC.Cancel();
        var stopped = await Assert.ThrowsAsync<SubmissionStoppedException>(() => sending).Within();

        Assert.Equal(new[] { "INV-1", "INV-2" }, stopped.InvoiceIds);
        Assert.Contains("INV-1, INV-2", stopped.Message);
        Assert.Contains("unknown", stopped.Message);
        Assert.True(submission.Halted);
        var latest = ledger.Latest();
        Assert.All(new[] { "INV-1", "INV-2" }, id =>
        {
            var record = latest[("Vendor", id)];
            Assert.Equal(LedgerEvent.OutcomeUnknown, record.Event);
            Assert.Contains("Stopped", record.Detail);
        });
        // The next run refuses them until they are checked.
        Assert.Throws<LedgerConflictException>(() => ledgered.Check(batch.Invoices[0]));
    }
}
