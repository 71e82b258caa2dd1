using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Files;
using SpApi.Core.Workflows;
using SpApi.Sandbox;
using SpApi.Tests.Support;

using static SpApi.Tests.TaxInvoices.TaxSandbox;

namespace SpApi.Tests.TaxInvoices;

/// <summary>Receive-SpInvoiceExport's workflow: wait, download, renew lapsed URLs, expand, skip what is done.</summary>
public sealed class InvoiceExportReceiverTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-receive-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task NewThenReceiveLeavesExactlyTheExpectedInvoicesOnDisk()
    {
        await using var sandbox = await StartAsync(o => o.InvoicesPerDocument = 7);
        var client = sandbox.Client();
        var api = new TaxInvoicesApi(client);
        var exportId = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-5), DateEnd = End }, CancellationToken.None);
        var clock = new FakeTimeProvider();

        var files = await ReceiveAsync(api, exportId, clock);

        var expected = Data.Where(i => i.Date >= End.AddDays(-5)).Select(i => i.Id + ".xml").OrderBy(n => n).ToList();
        Assert.Equal(20, expected.Count);
        Assert.Equal(expected, files.Select(Path.GetFileName).OrderBy(n => n));
        Assert.Equal(expected, Directory.GetFiles(folder, "*.xml").Select(Path.GetFileName).OrderBy(n => n));
        Assert.Empty(Directory.GetFiles(folder, "*.zip"));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        Assert.Equal(3, sandbox.Counters.DocumentDownloads);
    }

    [Fact]
    public async Task PreSignedUrlsNeverReachTheLogs()
    {
        await using var sandbox = await StartAsync(o => o.ExpiredDocumentUrls = 1);
        var log = new CapturingLog();
        var client = sandbox.Client(log);
        var api = new TaxInvoicesApi(client);
        var exportId = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-1), DateEnd = End }, CancellationToken.None);

        await ReceiveAsync(api, exportId, new FakeTimeProvider());

        Assert.Contains(log.Events, e => e.Operation == "download");
        Assert.DoesNotContain("X-Amz-Signature", log.AllText());
        Assert.DoesNotContain("X-Amz-Signature", new InvoicesDocument { InvoicesDocumentId = "d", InvoicesDocumentUrl = "https://x/?X-Amz-Signature=abc" }.ToString());
    }

    [Fact]
    public async Task TheExportIsPolledUntilDoneOnTheClock()
    {
        await using var sandbox = await StartAsync(o => o.ExportDelay = TimeSpan.FromHours(1));
        var client = sandbox.Client();
        var api = new TaxInvoicesApi(client);
        var exportId = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-1), DateEnd = End }, CancellationToken.None);
        var clock = new FakeTimeProvider();
        var recorder = Waiting();

        var receive = ReceiveAsync(api, exportId, clock, new InvoiceExportReceiveOptions { Folder = folder, PollInterval = TimeSpan.FromMinutes(2) }, recorder);
        await recorder.WhenReported(1);
        var reports = recorder.Reports;
        Assert.False(receive.IsCompleted);
        Assert.Equal("REQUESTED", reports[0].Status);
        Assert.Equal(TimeSpan.FromMinutes(2), reports[0].NextPoll);

        // The export finishes at the server; the next poll, two minutes later on the clock, sees it.
        sandbox.State.Options.ExportDelay = TimeSpan.Zero;
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(4, (await receive).Count);
    }

    [Fact]
    public async Task ALapsedUrlIsRenewedAndTheDocumentStillArrives()
    {
        await using var sandbox = await StartAsync(o => o.ExpiredDocumentUrls = 2);
        var client = sandbox.Client();
        var api = new TaxInvoicesApi(client);
        var exportId = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-1), DateEnd = End }, CancellationToken.None);

        var files = await ReceiveAsync(api, exportId, new FakeTimeProvider());

        Assert.Equal(4, files.Count);
        Assert.Equal(3, sandbox.Counters.RequestsFor("getInvoicesDocument"));
        Assert.Equal(1, sandbox.Counters.DocumentDownloads);
        Assert.Equal(0, sandbox.Counters.Throttled);
    }

    [Fact]
    public async Task ADownloadSurvivesA503AResetAndALapsedUrlInOneRun()
    {
        // Today's failure mode: one 503 on a download ended the whole run. Now the download is retried like a
        // GET, and a URL that lapsed on the way is renewed by the receiver as before.
        await using var sandbox = await StartAsync(o => o.ExpiredDocumentUrls = 1);
        var client = sandbox.Client();
        var api = new TaxInvoicesApi(client);
        var exportId = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-1), DateEnd = End }, CancellationToken.None);
        sandbox.State.Faults.Inject(FaultKind.ServiceUnavailable, 1, "download");
        sandbox.State.Faults.Inject(FaultKind.ConnectionReset, 1, "download");

        var files = await ReceiveAsync(api, exportId, new FakeTimeProvider());

        Assert.Equal(4, files.Count);
        Assert.Equal(2, sandbox.Counters.RequestsFor("getInvoicesDocument"));
        Assert.Equal(1, sandbox.Counters.DocumentDownloads);
    }

    [Theory]
    [InlineData("ERROR")]
    [InlineData("CANCELLED")]
    [InlineData("FATAL")]
    public async Task AFailedExportEndsWithAClearError(string status)
    {
        await using var sandbox = await StartAsync();
        var client = sandbox.Client();
        var api = new TaxInvoicesApi(client);
        var exportId = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, ExternalInvoiceId = "SANDBOX-" + status }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvoiceExportFailedException>(() => ReceiveAsync(api, exportId, new FakeTimeProvider()));

        Assert.Equal(status, error.Status);
        Assert.Contains(exportId, error.Message);
        Assert.Contains("Request a new export", error.Message);
    }

    [Fact]
    public async Task AnExportThatTakesTooLongEndsWithATimeout()
    {
        await using var sandbox = await StartAsync(o => o.ExportDelay = TimeSpan.FromHours(1));
        var client = sandbox.Client();
        var api = new TaxInvoicesApi(client);
        var exportId = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil }, CancellationToken.None);
        var clock = new FakeTimeProvider();
        var options = new InvoiceExportReceiveOptions { Folder = folder, PollInterval = TimeSpan.FromMinutes(1), Timeout = TimeSpan.FromMinutes(3) };
        var recorder = Waiting();

        // Checks at 0, 1, 2 and 3 minutes; after the one at 3 the next would pass the timeout.
        var receive = ReceiveAsync(api, exportId, clock, options, recorder);
        for (var polls = 1; polls <= 3; polls++)
        {
            await recorder.WhenReported(polls);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var error = await Assert.ThrowsAsync<InvoiceExportTimeoutException>(() => receive);
        Assert.Contains("-TimeoutSec", error.Message);
        Assert.Contains(exportId, error.Message);
        Assert.Equal(4, sandbox.Counters.RequestsFor("getInvoicesExport"));
    }

    [Fact]
    public async Task ARerunSkipsDocumentsAlreadyComplete()
    {
        await using var sandbox = await StartAsync(o => o.InvoicesPerDocument = 7);
        var client = sandbox.Client();
        var api = new TaxInvoicesApi(client);
        var exportId = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-5), DateEnd = End }, CancellationToken.None);
        var first = await ReceiveAsync(api, exportId, new FakeTimeProvider());
        var documentCalls = sandbox.Counters.RequestsFor("getInvoicesDocument");

        var second = await ReceiveAsync(api, exportId, new FakeTimeProvider());

        Assert.Equal(first.OrderBy(f => f), second.OrderBy(f => f));
        Assert.Equal(documentCalls, sandbox.Counters.RequestsFor("getInvoicesDocument"));
        Assert.Equal(3, sandbox.Counters.DocumentDownloads);
    }

    [Fact]
    public async Task WithoutExpandTheZipsStayAndARerunSkipsThem()
    {
        await using var sandbox = await StartAsync(o => o.InvoicesPerDocument = 7);
        var client = sandbox.Client();
        var api = new TaxInvoicesApi(client);
        var exportId = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-5), DateEnd = End }, CancellationToken.None);
        var options = new InvoiceExportReceiveOptions { Folder = folder, Expand = false };

        var zips = await ReceiveAsync(api, exportId, new FakeTimeProvider(), options);
        await ReceiveAsync(api, exportId, new FakeTimeProvider(), options);

        Assert.Equal(3, zips.Count);
        Assert.All(zips, z => Assert.EndsWith(".zip", z));
        Assert.Empty(Directory.GetFiles(folder, "*.xml"));
        Assert.Equal(3, sandbox.Counters.DocumentDownloads);
    }

    [Fact]
    public async Task AZipSlipDocumentIsRefused()
    {
        await using var sandbox = await StartAsync(o => o.MaliciousZipEntry = "../../escaped.xml");
        var client = sandbox.Client();
        var api = new TaxInvoicesApi(client);
        var exportId = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-1), DateEnd = End }, CancellationToken.None);

        await Assert.ThrowsAsync<ZipSlipException>(() => ReceiveAsync(api, exportId, new FakeTimeProvider()));

        Assert.Empty(Directory.GetFiles(folder, "*.xml"));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(folder)!, "escaped.xml")));
    }

    [Fact]
    public async Task TwoExportsOneAfterTheOtherShareTheDocumentLimit()
    {
        // The document limit has a burst of 1, so the four URL requests must wait for each other, even across exports.
        await using var sandbox = await StartAsync(o => o.InvoicesPerDocument = 2);
        var client = sandbox.Client();
        var api = new TaxInvoicesApi(client);
        var a = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-1), DateEnd = End }, CancellationToken.None);
        var b = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-2), DateEnd = End.AddDays(-1) }, CancellationToken.None);

        var files = (await ReceiveAsync(api, a, new FakeTimeProvider())).Concat(await ReceiveAsync(api, b, new FakeTimeProvider())).ToList();

        Assert.Equal(8, files.Count);
        Assert.Equal(0, sandbox.Counters.Throttled);
    }

    [Fact]
    public async Task ADocumentRequestAmazonCountsLateDoesNotGetTheNextOneThrottled()
    {
        // The first URL request reaches the server's bucket 300 ms after it left (a slow network), more than the
        // client's spacing of a burst of 1 (160 ms at this scale). The next one must still wait a period after it.
        await using var sandbox = await StartAsync(o => o.InvoicesPerDocument = 2);
        sandbox.State.Faults.SlowDelay = TimeSpan.FromMilliseconds(300);
        sandbox.State.Faults.Inject(FaultKind.Slow, 1, "getInvoicesDocument");
        var api = new TaxInvoicesApi(sandbox.Client());
        var exportId = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-1), DateEnd = End }, CancellationToken.None);

        var files = await ReceiveAsync(api, exportId, new FakeTimeProvider());

        Assert.Equal(4, files.Count);
        Assert.Equal(2, sandbox.Counters.RequestsFor("getInvoicesDocument"));
        Assert.Equal(0, sandbox.Counters.Throttled);
    }

    private Task<List<string>> ReceiveAsync(TaxInvoicesApi api, string exportId, TimeProvider clock) =>
        ReceiveAsync(api, exportId, clock, new InvoiceExportReceiveOptions { Folder = folder });

    private static async Task<List<string>> ReceiveAsync(
        TaxInvoicesApi api, string exportId, TimeProvider clock, InvoiceExportReceiveOptions options, IProgress<InvoiceExportReceiveProgress>? progress = null) =>
        await InvoiceExportReceiver.ReceiveAsync(api, exportId, options, clock, progress, CancellationToken.None).ToListAsync();

    // The reports of the waiting phase (no documents yet).
    private static ProgressRecorder<InvoiceExportReceiveProgress> Waiting() => new(p => p.DocumentsTotal == 0);
}
