using System.Net;
using SpApi.Core.Apis;
using SpApi.Core.Apis.VendorInvoices;
using SpApi.Core.Http;
using SpApi.Core.Invoicing;
using SpApi.Sandbox;
using SpApi.Tests.Support;
using Xunit;

namespace SpApi.Tests.VendorInvoices;

/// <summary>
/// Submission over real HTTP to the sandbox: the round trip from CSV rows to a final status, batches,
/// failures that must never turn into a second copy at Amazon, and following transactions on a fake clock.
/// </summary>
public sealed class InvoiceSubmissionTests
{
    [Fact]
    public async Task CsvRowsBecomeInvoicesThatEndInSuccess()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new VendorInvoicingApi(sandbox.Client());
        var stream = new InvoiceStream(InvoiceApi.Vendor, applyRules: true);
        var results = CsvRows.Read(CsvRows.ExampleFile).SelectMany(stream.Add).ToList();
        results.AddRange(stream.Complete());
        Assert.All(results, r => Assert.True(r.IsValid, r.ToString()));

        var batcher = new InvoiceBatcher();
        var batches = results.SelectMany(batcher.Add).ToList();
        batches.AddRange(batcher.Flush());
        var submitted = new List<VendorInvoiceSubmission>();
        foreach (var batch in batches)
        {
            submitted.Add((await new InvoiceSubmission(api, TimeProvider.System).SendAsync(batch, CancellationToken.None))!);
        }

        var clock = new FakeTimeProvider();
        var recorder = new ProgressRecorder<TransactionWaitProgress>();
        var wait = WaitAsync(api, submitted, clock, new TransactionWaitOptions { PollInterval = TimeSpan.FromSeconds(10) }, recorder);
        await recorder.WhenReported(1);
        Assert.Equal(new TransactionWaitProgress(0, 1, TimeSpan.Zero, TimeSpan.FromSeconds(10)), recorder.Reports[0]);
        clock.Advance(TimeSpan.FromSeconds(10));
        var statuses = await wait;

        var status = Assert.Single(statuses);
        Assert.Equal(("Success", true), (status.Status, status.IsFinal));
        Assert.Equal(new[] { "INV-1001", "INV-1002", "INV-1003" }, status.InvoiceIds);
        Assert.Equal(3, sandbox.Counters.InvoicesReceived);
        Assert.Equal(0, sandbox.Counters.DuplicateInvoiceSubmissions);
        Assert.Equal(2, sandbox.Counters.RequestsFor("getTransaction"));
    }

    [Fact]
    public async Task ABadTotalIsALocalErrorAndNothingIsSent()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var batcher = new InvoiceBatcher();
        var checkedInvoice = InvoiceSamples.Test(InvoiceApi.Vendor, ("invoiceTotal.amount", "\"40.00\""));

        var error = Assert.Throws<InvalidVendorInvoiceException>(() => batcher.Add(checkedInvoice));

        Assert.Contains("invoiceTotal.amount: 40.00 does not equal the computed total 41.89", error.Message);
        Assert.Contains("It was not sent.", error.Message);
        Assert.Empty(batcher.Flush());
        Assert.Equal(0, sandbox.Counters.Requests);
    }

    [Fact]
    public async Task EachBatchIsOneRequestAndOneTransaction()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var submission = new InvoiceSubmission(new VendorInvoicingApi(sandbox.Client()), TimeProvider.System);
        var batcher = new InvoiceBatcher(maxInvoices: 2);
        var batches = Enumerable.Range(1, 5).SelectMany(i => batcher.Add(InvoiceBatcherTests.Vendor($"INV-{i}"))).ToList();
        batches.AddRange(batcher.Flush());

        foreach (var batch in batches)
        {
            await submission.SendAsync(batch, CancellationToken.None);
        }

        Assert.Equal(3, sandbox.Counters.RequestsFor("submitInvoices"));
        Assert.Equal(new[] { "INV-1,INV-2", "INV-3,INV-4", "INV-5" }, sandbox.State.Transactions.All.Select(t => string.Join(",", t.InvoiceIds)));
    }

    [Fact]
    public async Task A500OnSubmitIsNotRetriedAndHoldsBackTheRest()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var submission = new InvoiceSubmission(new VendorInvoicingApi(sandbox.Client()), TimeProvider.System);
        sandbox.State.Faults.Inject(FaultKind.InternalServerError, 1, "submitInvoices");

        var error = await Assert.ThrowsAsync<SpApiException>(() => submission.SendAsync(Batch("INV-1", "INV-2"), CancellationToken.None));
        var held = await submission.SendAsync(Batch("INV-3"), CancellationToken.None);

        Assert.True(error.RequestMayHaveBeenProcessed);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("The outcome of submitting invoices INV-1, INV-2 is unknown", error.Message);
        Assert.Contains("Do not submit them again until you have checked them", error.Message);
        Assert.NotNull(error.RequestId);
        Assert.Null(held);
        Assert.True(submission.Halted);
        Assert.Equal(new[] { "INV-3" }, submission.NotSent);
        Assert.Equal(1, sandbox.Counters.RequestsFor("submitInvoices"));
    }

    [Theory]
    [InlineData(FaultKind.ResetAfterProcessing)]
    [InlineData(FaultKind.InternalServerErrorAfterProcessing)]
    public async Task AnAnswerLostAfterProcessingIsReportedAndNeverSentAgain(FaultKind fault)
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var submission = new InvoiceSubmission(new VendorInvoicingApi(sandbox.Client()), TimeProvider.System);
        sandbox.State.Faults.Inject(fault, 1, "submitInvoices");

        var error = await Assert.ThrowsAsync<SpApiException>(() => submission.SendAsync(Batch("INV-1"), CancellationToken.None));

        Assert.True(error.RequestMayHaveBeenProcessed);
        Assert.Contains("INV-1", error.Message);
        Assert.Equal(1, sandbox.Counters.RequestsFor("submitInvoices"));
        Assert.Single(sandbox.State.Transactions.All);
        Assert.Equal(0, sandbox.Counters.DuplicateInvoiceSubmissions);
    }

    [Fact]
    public async Task ARejectedRequestSaysNothingWasProcessedAndTheRunGoesOn()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var submission = new InvoiceSubmission(new VendorInvoicingApi(sandbox.Client()), TimeProvider.System);
        var invalid = InvoiceBatcherTests.Vendor("INV-1");
        invalid.RemitToParty!.Address!.CountryCode = "USA";

        var error = await Assert.ThrowsAsync<SpApiException>(() => submission.SendAsync(Batch(invalid), CancellationToken.None));
        var next = await submission.SendAsync(Batch("INV-2"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.False(error.RequestMayHaveBeenProcessed);
        Assert.Contains("none of its invoices were processed: INV-1", error.Message);
        Assert.NotNull(next);
        Assert.False(submission.Halted);
    }

    [Fact]
    public async Task AFailedTransactionNamesTheInvoiceOfEachError()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TransactionProcessingReads = 0);
        var api = new VendorInvoicingApi(sandbox.Client());
        var wrong = InvoiceBatcherTests.Vendor("INV-7");
        wrong.InvoiceTotal!.Amount = 40.00m;
        var sent = await new InvoiceSubmission(api, TimeProvider.System).SendAsync(Batch(InvoiceBatcherTests.Vendor("INV-6"), wrong), CancellationToken.None);

        var status = Assert.Single(await WaitAsync(api, new[] { sent! }, new FakeTimeProvider(), new TransactionWaitOptions()));

        Assert.Equal("Failure", status.Status);
        var problem = Assert.Single(status.Errors);
        Assert.Equal(("INVALID_INVOICE_TOTAL", "INV-7"), (problem.Code, problem.InvoiceId));
        Assert.Contains("INV-7:", problem.ToString());
    }

    [Fact]
    public async Task WaitingStopsBeforeTheTimeoutWithTheLastStatus()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TransactionProcessingReads = 100);
        var api = new VendorInvoicingApi(sandbox.Client());
        var sent = await new InvoiceSubmission(api, TimeProvider.System).SendAsync(Batch("INV-1"), CancellationToken.None);
        var clock = new FakeTimeProvider();
        var recorder = new ProgressRecorder<TransactionWaitProgress>();

        var wait = WaitAsync(api, new[] { sent! }, clock, new TransactionWaitOptions { PollInterval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(25) }, recorder);
        for (var i = 1; i <= 2; i++)
        {
            await recorder.WhenReported(i);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        var status = Assert.Single(await wait);
        Assert.Equal(("Processing", false), (status.Status, status.IsFinal));
        Assert.Equal(3, sandbox.Counters.RequestsFor("getTransaction"));
        Assert.Contains("Get-SpTransactionStatus -TransactionId", new TransactionWaitTimeoutException(status, TimeSpan.FromSeconds(25)).Message);
    }

    [Fact]
    public async Task ATransactionThatCannotBeReadDoesNotStopTheWaitForTheOthers()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TransactionProcessingReads = 0);
        var api = new VendorInvoicingApi(sandbox.Client());
        var sent = (await new InvoiceSubmission(api, TimeProvider.System).SendAsync(Batch("INV-1"), CancellationToken.None))!;
        var watches = new[] { new TransactionWatch("no-such-transaction", InvoiceApi.Vendor, Array.Empty<string>()), new TransactionWatch(sent.TransactionId, sent.Api, sent.InvoiceIds) };
        var failures = new List<(TransactionWatch Watch, SpApiException Error)>();

        var statuses = await TransactionWaiter.WaitAsync(api, watches, new TransactionWaitOptions(), new FakeTimeProvider(), null, (w, e) => failures.Add((w, e)), CancellationToken.None).ToListAsync();

        Assert.Equal(sent.TransactionId, Assert.Single(statuses).TransactionId);
        Assert.Equal("Success", statuses[0].Status);
        var failure = Assert.Single(failures);
        Assert.Equal(("no-such-transaction", HttpStatusCode.NotFound), (failure.Watch.TransactionId, failure.Error.StatusCode));
    }

    [Theory]
    [InlineData("2021-12-28")]
    [InlineData("v1")]
    public async Task DirectFulfillmentTransactionsAreReadFromTheirOwnApi(string version)
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TransactionProcessingReads = 0);
        var api = new VendorInvoicingApi(sandbox.Client());
        var sent = (await new InvoiceSubmission(api, TimeProvider.System).SendAsync(Batch(InvoiceBatcherTests.DirectFulfillment("DF-1")), CancellationToken.None))!;
        var options = new TransactionWaitOptions { DirectFulfillmentVersion = DirectFulfillmentVersion.Parse(version) };

        var status = await TransactionWaiter.GetAsync(api, new TransactionWatch(sent.TransactionId, sent.Api, sent.InvoiceIds), options, TimeProvider.System, CancellationToken.None);
        var wrongApi = await Assert.ThrowsAsync<SpApiException>(() => TransactionWaiter.GetAsync(api, new TransactionWatch(sent.TransactionId, InvoiceApi.Vendor, sent.InvoiceIds), options, TimeProvider.System, CancellationToken.None));

        Assert.Equal((InvoiceApi.DirectFulfillment, "Success"), (sent.Api, status.Status));
        Assert.Equal(1, sandbox.Counters.RequestsFor("submitInvoice"));
        Assert.Equal(HttpStatusCode.NotFound, wrongApi.StatusCode);
    }

    private static InvoiceBatch Batch(params string[] ids) => Batch(ids.Select(id => (object)InvoiceBatcherTests.Vendor(id)).ToArray());

    private static InvoiceBatch Batch(params object[] invoices)
    {
        var batcher = new InvoiceBatcher();
        Assert.Empty(invoices.SelectMany(batcher.Add));
        return Assert.Single(batcher.Flush());
    }

    private static Task<List<VendorTransactionStatus>> WaitAsync(
        VendorInvoicingApi api, IEnumerable<VendorInvoiceSubmission> submitted, TimeProvider clock, TransactionWaitOptions options, IProgress<TransactionWaitProgress>? progress = null) =>
        TransactionWaiter.WaitAsync(api, submitted.Select(s => new TransactionWatch(s.TransactionId, s.Api, s.InvoiceIds)).ToList(), options, clock, progress, null, CancellationToken.None).ToListAsync();
}
