using SpApi.Core.Apis;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Invoicing;
using SpApi.Core.Limits;
using SpApi.Core.Workflows;
using SpApi.Tests.Support;
using SpApi.Tests.VendorInvoices;

using static SpApi.Tests.TaxInvoices.TaxSandbox;

namespace SpApi.Tests.Core;

/// <summary>
/// The default poll intervals follow SPAPI_RATE_SCALE through the connection's rate limiters, as the buckets do, so a
/// sandbox 60 times faster is polled every half second instead of every 30; an interval the user gives is used as given.
/// </summary>
public sealed class PacedPollTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-paced-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(60, 500)]
    [InlineData(1, 30_000)]
    [InlineData(0.5, 60_000)]
    public void AWaitChosenForAmazonIsDividedByTheRateScale(double scale, int milliseconds)
    {
        using var registry = new RateLimiterRegistry(TimeProvider.System, scale);

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), registry.Paced(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task TheReceiverPollsEveryThirtySecondsDividedByTheScale()
    {
        await using var sandbox = await StartAsync(o => o.ExportDelay = TimeSpan.FromHours(1), scale: 60);
        var api = new TaxInvoicesApi(sandbox.Client());
        var exportId = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-1), DateEnd = End }, CancellationToken.None);
        var clock = new FakeTimeProvider();
        var recorder = new ProgressRecorder<InvoiceExportReceiveProgress>(p => p.NextPoll is not null);

        var receive = InvoiceExportReceiver.ReceiveAsync(api, exportId, new InvoiceExportReceiveOptions { Folder = folder }, clock, recorder, CancellationToken.None).ToListAsync();
        await recorder.WhenReported(1);
        Assert.Equal(TimeSpan.FromMilliseconds(500), recorder.Reports[0].NextPoll);

        sandbox.State.Options.ExportDelay = TimeSpan.Zero;
        clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(1, sandbox.Counters.RequestsFor("getInvoicesExport"));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.NotEmpty(await receive);
        Assert.Equal(2, sandbox.Counters.RequestsFor("getInvoicesExport"));
    }

    [Fact]
    public async Task TheTransactionWaitPollsEveryTenSecondsDividedByTheScale()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TransactionProcessingReads = 1, rateScale: 10);
        var api = new VendorInvoicingApi(sandbox.Client());
        var batcher = new InvoiceBatcher();
        Assert.Empty(batcher.Add(InvoiceBatcherTests.Vendor("INV-1")));
        var sent = await new InvoiceSubmission(api, TimeProvider.System).SendAsync(Assert.Single(batcher.Flush()), CancellationToken.None);
        var clock = new FakeTimeProvider();
        var recorder = new ProgressRecorder<TransactionWaitProgress>();
        var watch = new TransactionWatch(sent!.TransactionId, InvoiceApi.Vendor, sent.InvoiceIds);

        var wait = TransactionWaiter.WaitAsync(api, new[] { watch }, new TransactionWaitOptions(), clock, recorder, null, CancellationToken.None).ToListAsync();
        await recorder.WhenReported(1);
        Assert.Equal(TimeSpan.FromSeconds(1), recorder.Reports[0].NextCheck);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("Success", Assert.Single(await wait).Status);
        Assert.Equal(2, sandbox.Counters.RequestsFor("getTransaction"));
    }

    [Fact]
    public async Task AGivenIntervalIsUsedAsGiven()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TransactionProcessingReads = 1, rateScale: 10);
        var api = new VendorInvoicingApi(sandbox.Client());
        var recorder = new ProgressRecorder<TransactionWaitProgress>();
        var batcher = new InvoiceBatcher();
        Assert.Empty(batcher.Add(InvoiceBatcherTests.Vendor("INV-1")));
        var sent = await new InvoiceSubmission(api, TimeProvider.System).SendAsync(Assert.Single(batcher.Flush()), CancellationToken.None);
        var clock = new FakeTimeProvider();
        var options = new TransactionWaitOptions { PollInterval = TimeSpan.FromSeconds(10) };

        var wait = TransactionWaiter.WaitAsync(api, new[] { new TransactionWatch(sent!.TransactionId, InvoiceApi.Vendor, sent.InvoiceIds) }, options, clock, recorder, null, CancellationToken.None).ToListAsync();
        await recorder.WhenReported(1);
        Assert.Equal(TimeSpan.FromSeconds(10), recorder.Reports[0].NextCheck);
        clock.Advance(TimeSpan.FromSeconds(10));
        await wait;
    }
}
