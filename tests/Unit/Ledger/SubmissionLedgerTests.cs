using System.Text;
using SpApi.Core.Invoicing;
using SpApi.Core.Ledger;
using SpApi.Sandbox;
using SpApi.Tests.Support;
using SpApi.Tests.VendorInvoices;

namespace SpApi.Tests.Ledger;

/// <summary>The submission ledger against the sandbox: skip, duplicate and -Force, crash safety, concurrent writers, damage.</summary>
public sealed class SubmissionLedgerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-ledger-").FullName;

    private string LedgerFile => Path.Combine(folder, "submissions.jsonl");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task ASecondRunOfTheSameInvoiceSendsNothingAndNamesItsTransaction()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var invoice = Invoice("INV-L1");

        var first = Run(sandbox);
        Assert.Null(first.Check(invoice.Invoice!));
        var result = await first.SendAsync(Batch(invoice), CancellationToken.None);

        var earlier = Run(sandbox).Check(invoice.Invoice!);

        Assert.NotNull(earlier);
        Assert.Equal((LedgerEvent.Accepted, result!.TransactionId), (earlier!.Event, earlier.TransactionId));
        Assert.Equal(new[] { LedgerEvent.Sending, LedgerEvent.Accepted }, Ledger().ReadAll().Select(r => r.Event));
        Assert.Equal("41.89 EUR", earlier.Total);
        Assert.Equal(1, sandbox.Counters.InvoicesReceived);
    }

    [Fact]
    public async Task TheSameIdWithOtherContentIsADuplicateUnlessForced()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await Run(sandbox).SendAsync(Batch(Invoice("INV-L2")), CancellationToken.None);
        var changed = Invoice("INV-L2", ("date", "\"2026-11-21T10:00:00Z\""));

        var error = Assert.Throws<LedgerConflictException>(() => Run(sandbox).Check(changed.Invoice!));
        Assert.False(error.OutcomeUnknown);
        Assert.Contains("different content", error.Message);

        Assert.Null(Run(sandbox, force: true).Check(changed.Invoice!));
        await Run(sandbox, force: true).SendAsync(Batch(changed), CancellationToken.None);
        Assert.Equal(2, sandbox.Counters.InvoicesReceived);
    }

    [Fact]
    public async Task AProcessKilledBetweenThePostAndItsOutcomeLeavesAnUnknownThatStopsTheRerun()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var invoice = Invoice("INV-L3");
        // What a killed process leaves: "Sending" flushed before the POST, then nothing, and half a line.
        Ledger().Update(_ => new[] { new LedgerRecord { Api = "Vendor", InvoiceId = "INV-L3", ContentHash = SubmissionLedger.HashOf(invoice.Invoice!), Event = LedgerEvent.Sending } });
        File.AppendAllText(LedgerFile, "{\"api\":\"Vendor\",\"invoiceId\":\"INV-L3\",\"ev");

        var error = Assert.Throws<LedgerConflictException>(() => Run(sandbox).Check(invoice.Invoice!));

        Assert.True(error.OutcomeUnknown);
        Assert.Contains("Vendor Central", error.Message);
        Assert.Equal(0, sandbox.Counters.InvoicesReceived);
        // -Force sends it; the next writer cuts off the unfinished line instead of building on it.
        await Run(sandbox, force: true).SendAsync(Batch(invoice), CancellationToken.None);
        Assert.Equal(new[] { LedgerEvent.Sending, LedgerEvent.Sending, LedgerEvent.Accepted }, Ledger().ReadAll().Select(r => r.Event));
        Assert.EndsWith("\n", File.ReadAllText(LedgerFile));
    }

    [Fact]
    public async Task AnAnswerLostAfterProcessingIsRecordedAsUnknown()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.State.Faults.Inject(FaultKind.ResetAfterProcessing, 1, "submitInvoices");
        var invoice = Invoice("INV-L4");

        await Assert.ThrowsAsync<SpApi.Core.Http.SpApiException>(() => Run(sandbox).SendAsync(Batch(invoice), CancellationToken.None));

        Assert.Equal(LedgerEvent.OutcomeUnknown, Ledger().ReadAll().Last().Event);
        Assert.True(Assert.Throws<LedgerConflictException>(() => Run(sandbox).Check(invoice.Invoice!)).OutcomeUnknown);
    }

    [Fact]
    public async Task ARefusedRequestMayBeSentAgain()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.State.Faults.Inject(FaultKind.TooManyRequests, 10, "submitInvoices");
        var invoice = Invoice("INV-L5");

        await Assert.ThrowsAsync<SpApi.Core.Http.SpApiException>(() => Run(sandbox).SendAsync(Batch(invoice), CancellationToken.None));

        Assert.Equal(LedgerEvent.Rejected, Ledger().ReadAll().Last().Event);
        Assert.Null(Run(sandbox).Check(invoice.Invoice!));
    }

    [Fact]
    public async Task AFinalStatusIsRecordedForTheInvoicesOfItsTransaction()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var result = await Run(sandbox).SendAsync(Batch(Invoice("INV-L6")), CancellationToken.None);

        LedgeredSubmission.RecordStatus(Ledger(), new VendorTransactionStatus(result!.TransactionId, InvoiceApi.Vendor, "Failure", Array.Empty<TransactionError>(), result.InvoiceIds, DateTimeOffset.UtcNow));

        var latest = Ledger().Latest()[("Vendor", "INV-L6")];
        Assert.Equal((LedgerEvent.Failure, result.TransactionId), (latest.Event, latest.TransactionId));
        // The same content after a failure is skipped (with its status); corrected content may go.
        Assert.NotNull(Run(sandbox).Check(Invoice("INV-L6").Invoice!));
        Assert.Null(Run(sandbox).Check(Invoice("INV-L6", ("date", "\"2026-11-22T10:00:00Z\"")).Invoice!));
    }

    [Fact]
    public async Task TwoConcurrentWritersLoseNoLineAndSendAnInvoiceOnce()
    {
        await using var sandbox = await SandboxHarness.StartAsync(rateScale: 100);
        var same = Invoice("INV-RACE");
        var runs = Enumerable.Range(0, 2).Select(writer => Task.Run(async () =>
        {
            var sent = 0;
            for (var i = 0; i < 20; i++)
            {
                await Run(sandbox).SendAsync(Batch(Invoice($"INV-W{writer}-{i}")), CancellationToken.None);
            }

            try
            {
                await Run(sandbox).SendAsync(Batch(same), CancellationToken.None);
                sent++;
            }
            catch (LedgerConflictException)
            {
            }

            return sent;
        })).ToList();

        var sends = (await Task.WhenAll(runs)).Sum();

        var records = Ledger().ReadAll();
        Assert.Equal(1, sends);
        Assert.Equal(2 * 20 * 2 + 2, records.Count);
        Assert.Equal(41, sandbox.Counters.InvoicesReceived);
        Assert.Equal(0, sandbox.Counters.DuplicateInvoiceSubmissions);
    }

    [Fact]
    public async Task ADamagedLedgerIsAClearErrorAndNothingIsSentOrOverwritten()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await Run(sandbox).SendAsync(Batch(Invoice("INV-L7")), CancellationToken.None);
        File.AppendAllText(LedgerFile, "this is not json\n");
        var before = File.ReadAllBytes(LedgerFile);

        var error = Assert.Throws<SubmissionLedgerException>(() => Run(sandbox).Check(Invoice("INV-L8").Invoice!));
        await Assert.ThrowsAsync<SubmissionLedgerException>(() => Run(sandbox).SendAsync(Batch(Invoice("INV-L8")), CancellationToken.None));

        Assert.Contains("line 3", error.Message);
        Assert.Contains(LedgerFile, error.Message);
        Assert.Equal(before, File.ReadAllBytes(LedgerFile));
        Assert.Equal(1, sandbox.Counters.InvoicesReceived);
    }

    [Fact]
    public void TheLedgerFileIsPerAccountAndEndpointAndNamesNoSecret()
    {
        var a = SubmissionLedger.FileFor(folder, OptionsFor("Atzr|account-a"));
        var b = SubmissionLedger.FileFor(folder, OptionsFor("Atzr|account-b"));

        Assert.NotEqual(a, b);
        Assert.Equal(a, SubmissionLedger.FileFor(folder, OptionsFor("Atzr|account-a")));
        Assert.DoesNotContain("account", Path.GetFileName(a));
        Assert.Matches(@"^submissions-[0-9a-f]{16}\.jsonl$", Path.GetFileName(a));
    }

    private SubmissionLedger Ledger() => new(LedgerFile, TimeProvider.System);

    private LedgeredSubmission Run(SandboxHarness sandbox, bool force = false) =>
        new(Ledger(), new InvoiceSubmission(new VendorInvoicingApi(sandbox.Client()), TimeProvider.System), force);

    private static VendorInvoiceTestResult Invoice(string id, params (string Path, string? Json)[] edits) =>
        InvoiceSamples.Test(InvoiceApi.Vendor, edits.Prepend(("id", $"\"{id}\"")).ToArray());

    private static InvoiceBatch Batch(VendorInvoiceTestResult invoice)
    {
        Assert.True(invoice.IsValid, invoice.ToString());
        var batcher = new InvoiceBatcher();
        return batcher.Add(invoice).Concat(batcher.Flush()).Single();
    }

    // FileFor reads only the endpoint and the account key: no server is needed.
    private static SpApi.Core.Http.SpApiClientOptions OptionsFor(string refreshToken) =>
        new(SandboxHarness.Credentials(refreshToken), new Uri("https://sellingpartnerapi-na.amazon.com/"));
}
