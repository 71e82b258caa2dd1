using System.Net;
using System.Net.Sockets;
using SpApi.Core.Auth;
using SpApi.Core.Diagnostics;
using SpApi.Core.Http;
using SpApi.Core.Limits;
using SpApi.Core.Operations;
using SpApi.Sandbox;
using SpApi.Tests.Support;

namespace SpApi.Tests.RequestPath;

/// <summary>
/// A refused connection or a host name that does not resolve fails at once: no retry would mend it within
/// seconds. Classified by socket error code and exception type, against real sockets where a test can make one.
/// </summary>
public sealed class LastingTransportFailureTests
{
    // Never resolves (RFC 2606).
    private static readonly Uri Unresolvable = new("https://lwa.invalid/auth/o2/token");

    [Fact]
    public async Task ARealRefusedConnectionIsLasting()
    {
        var port = ClosedLoopbackPort();
        using var socket = new TcpClient();
        var refused = await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Loopback, port));
        using var http = new HttpClient();
        var failed = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://127.0.0.1:{port}/")));

        Assert.Equal(LastingFailure.ConnectionRefused, TransportFailure.Lasting(refused));
        Assert.Equal(LastingFailure.ConnectionRefused, TransportFailure.Lasting(failed));
        Assert.True(TransportFailure.ProvablyNotSent(failed));
    }

    [Fact]
    public async Task ARealNameThatDoesNotResolveIsLasting()
    {
        using var http = new HttpClient();
        var failed = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(Unresolvable));

        Assert.Equal(LastingFailure.NameNotResolved, TransportFailure.Lasting(failed));
    }

    [Fact]
    public async Task ARealResetIsNotLastingAndIsRetried()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.State.Faults.Inject(FaultKind.ConnectionReset, 1, "getInvoicesAttributes");
        var once = sandbox.Client(maxRetries: 0);

        var reset = await Assert.ThrowsAsync<SpApiException>(() => once.SendAsync<object>(Attributes(), CancellationToken.None));

        Assert.Null(TransportFailure.Lasting(reset.InnerException!));
        sandbox.State.Faults.Inject(FaultKind.ConnectionReset, 1, "getInvoicesAttributes");
        var log = new CapturingLog();
        await sandbox.Client(log, maxRetries: 2).SendAsync<object>(Attributes(), CancellationToken.None);
        Assert.Equal(3, sandbox.Counters.RequestsFor("getInvoicesAttributes"));
        // Each retry is logged, which -Verbose shows.
        Assert.Single(log.Of(SpApiLogKind.Retry));
    }

    [Fact]
    public async Task TheTokenExchangeWithAClosedPortIsTriedOnce()
    {
        var port = ClosedLoopbackPort();
        var log = new CapturingLog();
        using var client = Client(new Uri($"http://127.0.0.1:{port}/"), new Uri($"http://127.0.0.1:{port}/auth/o2/token"), log);

        var error = await Assert.ThrowsAsync<SpApiException>(() => client.VerifyCredentialsAsync(CancellationToken.None));

        Assert.Equal(SpApiFailureKind.Transport, error.Kind);
        Assert.Contains($"127.0.0.1:{port}", error.Message);
        Assert.Single(log.Of(SpApiLogKind.Request), e => e.Level == SpApiLogLevel.Verbose && e.Operation == "LWA");
        Assert.Empty(log.Of(SpApiLogKind.Retry));
    }

    [Fact]
    public async Task TheTokenExchangeWithAnUnresolvableHostIsTriedOnce()
    {
        var log = new CapturingLog();
        using var client = Client(new Uri("https://sp-api.invalid/"), Unresolvable, log);

        var error = await Assert.ThrowsAsync<SpApiException>(() => client.VerifyCredentialsAsync(CancellationToken.None));

        Assert.Equal(SpApiFailureKind.Transport, error.Kind);
        Assert.Contains("lwa.invalid", error.Message);
        Assert.Single(log.Of(SpApiLogKind.Request), e => e.Level == SpApiLogLevel.Verbose && e.Operation == "LWA");
        Assert.Empty(log.Of(SpApiLogKind.Retry));
    }

    [Fact]
    public async Task AGetToAClosedPortIsTriedOnceAndNamesTheAddressNotTheQuery()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var port = ClosedLoopbackPort();
        var log = new CapturingLog();
        using var client = Client(new Uri($"http://127.0.0.1:{port}/"), sandbox.Server.TokenEndpoint, log, sandbox);

        var error = await Assert.ThrowsAsync<SpApiException>(() => client.SendAsync<object>(Attributes().WithQuery("marker", "query-text"), CancellationToken.None));

        Assert.Equal("getInvoicesAttributes", error.Operation);
        Assert.Contains($"http://127.0.0.1:{port}", error.Message);
        Assert.Contains("not retried", error.Message);
        Assert.DoesNotContain("query-text", error.Message);
        Assert.False(error.RequestMayHaveBeenProcessed);
        Assert.Single(log.Of(SpApiLogKind.Request), e => e.Level == SpApiLogLevel.Verbose && e.Operation == "getInvoicesAttributes");
        Assert.Empty(log.Of(SpApiLogKind.Retry));
    }

    [Fact]
    public async Task ASubmissionToAClosedPortIsTriedOnceAndIsKnownNotToHaveBeenSent()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var log = new CapturingLog();
        using var client = Client(new Uri($"http://127.0.0.1:{ClosedLoopbackPort()}/"), sandbox.Server.TokenEndpoint, log, sandbox);
        var submission = new SpApiRequest(SpApiOperations.SubmitVendorInvoices).WithJsonBody(new { invoices = Array.Empty<object>() });

        var error = await Assert.ThrowsAsync<SpApiException>(() => client.SendAsync<object>(submission, CancellationToken.None));

        Assert.Equal(SpApiFailureKind.Transport, error.Kind);
        Assert.False(error.RequestMayHaveBeenProcessed);
        Assert.Single(log.Of(SpApiLogKind.Request), e => e.Level == SpApiLogLevel.Verbose && e.Operation == "submitInvoices");
        Assert.Empty(log.Of(SpApiLogKind.Retry));
    }

    [Theory]
    [InlineData(SocketError.ConnectionRefused, "ConnectionRefused")]
    [InlineData(SocketError.HostNotFound, "NameNotResolved")]
    [InlineData(SocketError.NoData, "NameNotResolved")]
    [InlineData(SocketError.TryAgain, "NameNotResolved")]
    [InlineData(SocketError.ConnectionReset, null)]
    [InlineData(SocketError.TimedOut, null)]
    [InlineData(SocketError.NetworkUnreachable, null)]
    [InlineData(SocketError.HostUnreachable, null)]
    public void TheSocketErrorCodeDecides(SocketError code, string? lasting)
    {
        // By name: the enum is internal to Core, and a public theory cannot take it.
        LastingFailure? expected = lasting is null ? null : Enum.Parse<LastingFailure>(lasting);
        var failure = new HttpRequestException("any text", new SocketException((int)code));
        var outcome = Polly.Outcome.FromException<RawResponse>(failure);

        Assert.Equal(expected, TransportFailure.Lasting(failure));
        Assert.Equal(expected is null, RetryPipelines.ShouldRetry(outcome, idempotent: true));
    }

    [Fact]
    public void TheMessageTextDecidesNothing()
    {
        var saysRefused = new HttpRequestException("Connection refused (127.0.0.1:1)", new IOException("No such host is known"));

        Assert.Null(TransportFailure.Lasting(saysRefused));
        Assert.True(RetryPipelines.ShouldRetry(Polly.Outcome.FromException<RawResponse>(saysRefused), idempotent: true));
    }

    [Fact]
    public void AConnectionThatWasNeverMadeIsStillRetriedForASubmissionUnlessItIsLasting()
    {
        var unreachable = new HttpRequestException("x", new SocketException((int)SocketError.NetworkUnreachable));
        var refused = new HttpRequestException("x", new SocketException((int)SocketError.ConnectionRefused));

        Assert.True(RetryPipelines.ShouldRetry(Polly.Outcome.FromException<RawResponse>(unreachable), idempotent: false));
        Assert.False(RetryPipelines.ShouldRetry(Polly.Outcome.FromException<RawResponse>(refused), idempotent: false));
    }

    private static SpApiRequest Attributes() =>
        new SpApiRequest(SpApiOperations.GetInvoicesAttributes).WithQuery("marketplaceId", "A2Q3Y263D00KWC");

    // Five retries with real (short) delays: a failure that were retried would show five more attempts.
    private static SpApiClient Client(Uri endpoint, Uri tokenEndpoint, CapturingLog log, SandboxHarness? sandbox = null) =>
        new(new SpApiClientOptions(SandboxHarness.Credentials(), endpoint, tokenEndpoint)
        {
            Log = log,
            TokenCache = sandbox?.TokenCache ?? new TokenCache(),
            RateLimiters = sandbox?.RateLimiters ?? new RateLimiterRegistry(TimeProvider.System, SandboxHarness.DefaultRateScale),
            MaxRetries = 5,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(5),
        });

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
