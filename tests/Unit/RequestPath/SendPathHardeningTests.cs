using System.Net;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Diagnostics;
using SpApi.Core.Files;
using SpApi.Core.Http;
using SpApi.Core.Limits;
using SpApi.Core.Operations;
using SpApi.Sandbox;
using SpApi.Tests.Support;

namespace SpApi.Tests.RequestPath;

/// <summary>
/// Issue 12 item 4, one send path hardened: no credential follows a redirect, the token is taken after the
/// rate-limit wait, bodies and downloads are bounded, downloads are retried, header values from a server are
/// validated, and an absurd x-amzn-RateLimit-Limit is ignored. Each against a sandbox fault.
/// </summary>
public sealed class SendPathHardeningTests
{
    private static readonly SpApiRequest Exports =
        new SpApiRequest(SpApiOperations.GetInvoicesExports).WithQuery("marketplaceId", "A2Q3Y263D00KWC");

    [Fact]
    public async Task AnSpApiRedirectIsAnErrorAndTheTokenDoesNotFollowIt()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = sandbox.Client();
        sandbox.State.Faults.Inject(FaultKind.RedirectElsewhere, 1, "getInvoicesExports");

        var error = await Assert.ThrowsAsync<SpApiException>(() => client.SendRawAsync(Exports, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Found, error.StatusCode);
        Assert.Equal(SpApiFailureKind.UnexpectedStatus, error.Kind);
        Assert.False(error.RequestMayHaveBeenProcessed);
        Assert.Equal(0, sandbox.Counters.RedirectTargetHits);
    }

    [Fact]
    public async Task ARedirectedSubmissionMayHaveBeenProcessedAndIsNotFollowed()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = sandbox.Client();
        sandbox.State.Faults.Inject(FaultKind.RedirectElsewhere, 1, "submitInvoices");

        var error = await Assert.ThrowsAsync<SpApiException>(() => client.SendRawAsync(
            new SpApiRequest(SpApiOperations.SubmitVendorInvoices).WithJsonBody(new { invoices = Array.Empty<object>() }), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Found, error.StatusCode);
        Assert.True(error.RequestMayHaveBeenProcessed);
        Assert.Equal(1, sandbox.Counters.RequestsFor("submitInvoices"));
        Assert.Equal(0, sandbox.Counters.RedirectTargetHits);
    }

    [Fact]
    public async Task ADownloadDoesNotFollowARedirectToPlainHttp()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = sandbox.Client();
        var url = await DocumentUrlAsync(client);
        sandbox.State.Faults.Inject(FaultKind.RedirectElsewhere, 1, "download");
        var zip = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".zip");

        var error = await Assert.ThrowsAsync<SpApiException>(() => DocumentDownload.DownloadAsync(client, url, zip, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Found, error.StatusCode);
        Assert.Equal(SpApiFailureKind.UnexpectedStatus, error.Kind);
        Assert.Equal(0, sandbox.Counters.RedirectTargetHits);
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public async Task TheTokenIsTakenAfterTheRateLimitWaitNotBefore()
    {
        // Five-second tokens and a bucket that makes each call wait 30 s: a token taken before the wait has
        // expired when the request leaves; one taken after it is fresh.
        var clock = new FakeTimeProvider();
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TimeProvider = clock);
        using var registry = new RateLimiterRegistry(clock);
        var log = new CapturingLog();
        var client = sandbox.Client(log, time: clock, rateLimiters: registry, requestTimeout: TimeSpan.FromHours(1), retryDelay: TimeSpan.Zero);
        sandbox.State.Faults.Inject(FaultKind.ShortLivedToken, 100, "LWA");
        var bucket = registry.For(SpApiOperations.GetInvoicesExports, client.Options.Credentials.AccountKey);
        for (var i = 0; i < bucket.Capacity; i++)
        {
            await bucket.AcquireAsync(null, CancellationToken.None);
        }

        var call = client.SendRawAsync(Exports, CancellationToken.None);
        for (var waits = 1; !call.IsCompleted; waits++)
        {
            var waited = waits;
            await Task.WhenAny(call, log.WhenLogged(e => e.Kind == SpApiLogKind.RateLimitWait && log.Of(SpApiLogKind.RateLimitWait).Count() >= waited));
            clock.Advance(TimeSpan.FromSeconds(30));
            Assert.True(waits < 5, "the call kept waiting for the bucket");
        }

        var response = await call;
        Assert.True(response.IsSuccess);
        Assert.Equal(1, sandbox.Counters.RequestsFor("getInvoicesExports"));
    }

    [Fact]
    public async Task AnEndlessBodyIsCutOffAtTheSizeLimit()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = sandbox.Client(maxRetries: 0, requestTimeout: TimeSpan.FromSeconds(20));
        sandbox.State.Faults.Inject(FaultKind.EndlessBody, 1, "getInvoicesExports");

        var error = await Assert.ThrowsAsync<SpApiException>(() => client.SendRawAsync(Exports, CancellationToken.None));

        Assert.Equal(SpApiFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("64 MiB", error.Message);
    }

    [Fact]
    public async Task AGzipBombIsCountedByItsExpandedSize()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = sandbox.Client(maxRetries: 0);
        sandbox.State.Faults.Inject(FaultKind.GzipBomb, 1, "getInvoicesExports");

        var error = await Assert.ThrowsAsync<SpApiException>(() => client.SendRawAsync(Exports, CancellationToken.None));

        Assert.Equal(SpApiFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("64 MiB", error.Message);
    }

    [Fact]
    public async Task AHugeErrorMessageIsCappedAndStrippedOfControlCharacters()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = sandbox.Client();
        sandbox.State.Faults.Inject(FaultKind.HugeErrorMessage, 1, "getInvoicesExports");

        var error = await Assert.ThrowsAsync<SpApiException>(() => client.SendRawAsync(Exports, CancellationToken.None));

        Assert.Equal(SpApiFailureKind.InvalidRequest, error.Kind);
        Assert.Equal("InvalidInput", error.AmazonErrorCode);
        Assert.InRange(error.Message.Length, 1, 2600);
        Assert.Contains("Bad input", error.Message);
        Assert.DoesNotContain(error.Message, c => char.IsControl(c));
        Assert.DoesNotContain("[31m", error.Message);
        Assert.All(error.Errors, e => Assert.InRange(e.Message.Length, 1, 2100));
    }

    [Fact]
    public async Task ADownloadIsRetriedThroughA503AndAReset()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var log = new CapturingLog();
        var client = sandbox.Client(log);
        var url = await DocumentUrlAsync(client);
        sandbox.State.Faults.Inject(FaultKind.ServiceUnavailable, 1, "download");
        sandbox.State.Faults.Inject(FaultKind.ConnectionReset, 1, "download");
        var zip = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".zip");
        try
        {
            await DocumentDownload.DownloadAsync(client, url, zip, CancellationToken.None);

            Assert.True(new FileInfo(zip).Length > 0);
            Assert.Equal(1, sandbox.Counters.DocumentDownloads);
            Assert.Equal(2, log.Of(SpApiLogKind.Retry).Count(e => e.Operation == "download"));
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public async Task AnEndlessDownloadIsCutOffAtItsCap()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = new SpApiClient(new SpApiClientOptions(SandboxHarness.Credentials(), sandbox.Server.BaseAddress, sandbox.Server.TokenEndpoint)
        {
            TokenCache = sandbox.TokenCache,
            RateLimiters = sandbox.RateLimiters,
            MaxRetries = 0,
            MaxDownloadBytes = 8 * 1024 * 1024,
        });
        using var owned = client;
        var url = await DocumentUrlAsync(client);
        sandbox.State.Faults.Inject(FaultKind.EndlessBody, 1, "download");
        var zip = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".zip");

        var error = await Assert.ThrowsAsync<SpApiException>(() => DocumentDownload.DownloadAsync(client, url, zip, CancellationToken.None));

        Assert.Equal(SpApiFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("8 MiB", error.Message);
        Assert.False(File.Exists(zip));
    }

    [Theory]
    [InlineData("LWA")]
    [InlineData("createRestrictedDataToken")]
    public async Task ATokenWithALineBreakIsRefusedAndNeverSent(string issuer)
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new CustomerInvoicesApi(sandbox.Client());
        sandbox.State.Faults.Inject(FaultKind.ControlCharactersInToken, 1, issuer);

        var error = await Assert.ThrowsAsync<SpApiException>(() => api.GetCustomerInvoiceAsync("PO00000001", CancellationToken.None));

        Assert.Equal(SpApiFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("control character", error.Message);
        Assert.Equal(0, sandbox.Counters.RequestsFor("getCustomerInvoice"));
        Assert.Equal(issuer == "LWA" ? 0 : 1, sandbox.Counters.RequestsFor("createRestrictedDataToken"));
    }

    [Fact]
    public async Task AnAbsurdRateLimitHeaderIsIgnoredAndLogged()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var log = new CapturingLog();
        var client = sandbox.Client(log);
        sandbox.State.Faults.Inject(FaultKind.AbsurdRateLimit, 1, "getInvoicesExports");

        await client.SendRawAsync(Exports, CancellationToken.None);
        await client.SendRawAsync(Exports, CancellationToken.None);

        var bucket = client.BucketFor(SpApiOperations.GetInvoicesExports);
        Assert.Equal(SpApiOperations.GetInvoicesExports.Rate, bucket.Rate);
        Assert.Contains(log.Of(SpApiLogKind.RateLimitAdjusted), e => e.Message.Contains("ignored") && e.Message.Contains("0.0000001"));
    }

    private static async Task<Uri> DocumentUrlAsync(SpApiClient client)
    {
        var api = new TaxInvoicesApi(client);
        var export = await api.GetInvoicesExportAsync("EXPORT0001", CancellationToken.None);
        var document = await api.GetInvoicesDocumentAsync(export.InvoicesDocumentIds![0], CancellationToken.None);
        return new Uri(document.InvoicesDocumentUrl!);
    }
}
