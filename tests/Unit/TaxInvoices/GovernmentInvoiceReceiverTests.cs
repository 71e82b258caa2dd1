using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Files;
using SpApi.Core.Workflows;
using SpApi.Sandbox;
using SpApi.Tests.Support;

using static SpApi.Tests.TaxInvoices.GovernmentSandbox;

namespace SpApi.Tests.TaxInvoices;

/// <summary>Receive-SpGovernmentInvoice's workflow: wait on the clock, fetch the URL just before the download, renew a lapsed one, skip what is there.</summary>
public sealed class GovernmentInvoiceReceiverTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-nfe-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task TheAuthorisedInvoiceLandsAsItsXml()
    {
        await using var sandbox = await StartAsync();
        var api = await RequestedAsync(sandbox, Shipment());

        var file = await ReceiveAsync(api, Shipment(), new FakeTimeProvider());

        Assert.Equal(Path.Combine(folder, "sh109b72-7b27-4e97-9fd1-3b56915fbc95-REMITTANCE.xml"), file);
        Assert.Contains($"NFe{sandbox.State.GovernmentInvoices.All.Single().AccessKey}", File.ReadAllText(file));
        Assert.Equal(new[] { file }, Directory.GetFiles(folder));
        Assert.Equal(1, sandbox.Counters.DocumentDownloads);
    }

    [Fact]
    public async Task PdfInAnyCaseLandsAsAPdf()
    {
        await using var sandbox = await StartAsync();
        var api = await RequestedAsync(sandbox, Shipment());

        var file = await ReceiveAsync(api, Shipment(), new FakeTimeProvider(), new GovernmentInvoiceReceiveOptions { Folder = folder, FileFormat = "pdf" });

        Assert.EndsWith("-REMITTANCE.pdf", file);
        Assert.StartsWith("%PDF-", File.ReadAllText(file));
    }

    [Fact]
    public async Task TheRequestIsPolledUntilSuccessOnTheClock()
    {
        await using var sandbox = await StartAsync(o => o.GovernmentInvoiceDelay = TimeSpan.FromHours(1));
        var api = await RequestedAsync(sandbox, Shipment());
        var clock = new FakeTimeProvider();
        var recorder = new ProgressRecorder<GovernmentInvoiceReceiveProgress>();

        var receive = ReceiveAsync(api, Shipment(), clock, new GovernmentInvoiceReceiveOptions { Folder = folder, PollInterval = TimeSpan.FromMinutes(2) }, recorder);
        await recorder.WhenReported(1);
        Assert.False(receive.IsCompleted);
        Assert.Equal("PROCESSING", recorder.Reports[0].Status);
        Assert.Equal(TimeSpan.FromMinutes(2), recorder.Reports[0].NextPoll);

        // Authorised at the server; the next poll, two minutes later on the clock, sees it.
        sandbox.State.Options.GovernmentInvoiceDelay = TimeSpan.Zero;
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(File.Exists(await receive));
        Assert.Equal(2, sandbox.Counters.RequestsFor("getGovernmentInvoiceStatus"));
    }

    [Fact]
    public async Task TheDefaultPollIntervalIsAMinuteDividedByTheRateScale()
    {
        // As the export receiver's: a sandbox 60 times faster than Amazon is polled every second, not every minute.
        await using var sandbox = await StartAsync(o => o.GovernmentInvoiceDelay = TimeSpan.FromHours(1), scale: 60);
        var api = await RequestedAsync(sandbox, Shipment());
        var clock = new FakeTimeProvider();
        var recorder = new ProgressRecorder<GovernmentInvoiceReceiveProgress>();

        var receive = ReceiveAsync(api, Shipment(), clock, new GovernmentInvoiceReceiveOptions { Folder = folder }, recorder);
        await recorder.WhenReported(1);
        Assert.Equal(TimeSpan.FromSeconds(1), recorder.Reports[0].NextPoll);

        sandbox.State.Options.GovernmentInvoiceDelay = TimeSpan.Zero;
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(File.Exists(await receive));
        Assert.Equal(2, sandbox.Counters.RequestsFor("getGovernmentInvoiceStatus"));
    }

    [Fact]
    public async Task ATimeoutSaysWhichStateTheRequestWasIn()
    {
        await using var sandbox = await StartAsync(o => o.GovernmentInvoiceDelay = TimeSpan.FromHours(1));
        var api = await RequestedAsync(sandbox, Shipment());
        var clock = new FakeTimeProvider();
        var recorder = new ProgressRecorder<GovernmentInvoiceReceiveProgress>();
        var options = new GovernmentInvoiceReceiveOptions { Folder = folder, PollInterval = TimeSpan.FromMinutes(1), Timeout = TimeSpan.FromMinutes(2) };

        // Checks at 0, 1 and 2 minutes; after the one at 2 the next would pass the timeout.
        var receive = ReceiveAsync(api, Shipment(), clock, options, recorder);
        for (var polls = 1; polls <= 2; polls++)
        {
            await recorder.WhenReported(polls);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var error = await Assert.ThrowsAsync<GovernmentInvoiceTimeoutException>(() => receive);
        Assert.Equal("PROCESSING", error.Status);
        Assert.Contains("still PROCESSING", error.Message);
        Assert.Contains("-TimeoutSec", error.Message);
        Assert.Contains(Shipment().ShipmentId, error.Message);
        Assert.Equal(3, sandbox.Counters.RequestsFor("getGovernmentInvoiceStatus"));
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task AnErrorEndsTheWaitWithAmazonsErrors()
    {
        await using var sandbox = await StartAsync();
        var shipment = Shipment(SandboxGovernmentInvoices.ErrorVectorShipment);
        var api = await RequestedAsync(sandbox, shipment);

        var error = await Assert.ThrowsAsync<GovernmentInvoiceFailedException>(() => ReceiveAsync(api, shipment, new FakeTimeProvider()));

        Assert.Equal("481", Assert.Single(error.InvoiceErrors).ErrorCode);
        Assert.Equal(0, sandbox.Counters.RequestsFor("getGovernmentInvoiceDocument"));
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task ALapsedUrlIsRenewedAndTheDocumentStillArrives()
    {
        await using var sandbox = await StartAsync(o => o.ExpiredDocumentUrls = 2);
        var api = await RequestedAsync(sandbox, Shipment());

        var file = await ReceiveAsync(api, Shipment(), new FakeTimeProvider());

        Assert.True(File.Exists(file));
        Assert.Equal(3, sandbox.Counters.RequestsFor("getGovernmentInvoiceDocument"));
        Assert.Equal(1, sandbox.Counters.DocumentDownloads);
        Assert.Equal(0, sandbox.Counters.Throttled);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public async Task UrlsThatKeepLapsingEndWithDocumentUrlExpired()
    {
        await using var sandbox = await StartAsync(o => o.ExpiredDocumentUrls = 3);
        var api = await RequestedAsync(sandbox, Shipment());

        await Assert.ThrowsAsync<DocumentUrlExpiredException>(() => ReceiveAsync(api, Shipment(), new FakeTimeProvider()));

        Assert.Equal(3, sandbox.Counters.RequestsFor("getGovernmentInvoiceDocument"));
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task ASecondRunFindsTheDocumentAndCallsNothing()
    {
        await using var sandbox = await StartAsync();
        var api = await RequestedAsync(sandbox, Shipment());
        var first = await ReceiveAsync(api, Shipment(), new FakeTimeProvider());
        var requests = sandbox.Counters.Requests;
        var skipped = new List<string>();

        var second = await GovernmentInvoiceReceiver.ReceiveAsync(api, Shipment(), new GovernmentInvoiceReceiveOptions { Folder = folder }, new FakeTimeProvider(), null, skipped.Add, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(requests, sandbox.Counters.Requests);
        Assert.Equal(1, sandbox.Counters.DocumentDownloads);
        Assert.Contains("already there", Assert.Single(skipped));
    }

    [Fact]
    public async Task PreSignedUrlsNeverReachTheLogs()
    {
        await using var sandbox = await StartAsync(o => o.ExpiredDocumentUrls = 1);
        var log = new CapturingLog();
        var api = new GovernmentInvoicesApi(sandbox.Client(log));
        await api.CreateGovernmentInvoiceAsync(new GovernmentInvoiceRequest(Shipment(), null), CancellationToken.None);

        await ReceiveAsync(api, Shipment(), new FakeTimeProvider());

        Assert.Contains(log.Events, e => e.Operation == "download");
        Assert.DoesNotContain("X-Amz-Signature", log.AllText());
    }

    [Fact]
    public void FileNamesKeepOnlySafeCharacters()
    {
        var shipment = Shipment("../../etc/passwd");

        var file = GovernmentInvoiceReceiver.FileFor(folder, shipment, "XML");

        Assert.Equal(folder, Path.GetDirectoryName(file));
        Assert.Equal("______etc_passwd-REMITTANCE.xml", Path.GetFileName(file));
    }

    private static async Task<GovernmentInvoicesApi> RequestedAsync(SandboxHarness sandbox, GovernmentInvoiceShipment shipment)
    {
        var api = new GovernmentInvoicesApi(sandbox.Client());
        await api.CreateGovernmentInvoiceAsync(new GovernmentInvoiceRequest(shipment, Carrier()), CancellationToken.None);
        return api;
    }

    private Task<string> ReceiveAsync(GovernmentInvoicesApi api, GovernmentInvoiceShipment shipment, TimeProvider clock) =>
        ReceiveAsync(api, shipment, clock, new GovernmentInvoiceReceiveOptions { Folder = folder });

    private static Task<string> ReceiveAsync(
        GovernmentInvoicesApi api, GovernmentInvoiceShipment shipment, TimeProvider clock, GovernmentInvoiceReceiveOptions options, IProgress<GovernmentInvoiceReceiveProgress>? progress = null) =>
        GovernmentInvoiceReceiver.ReceiveAsync(api, shipment, options, clock, progress, null, CancellationToken.None);
}
