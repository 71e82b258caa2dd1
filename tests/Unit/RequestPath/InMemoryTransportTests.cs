using System.Net;
using System.Text;
using SpApi.Core.Auth;
using SpApi.Core.Diagnostics;
using SpApi.Core.Files;
using SpApi.Core.Http;
using SpApi.Core.Limits;
using SpApi.Core.Operations;
using SpApi.Tests.Support;

namespace SpApi.Tests.RequestPath;

/// <summary>
/// The send path over an in-memory transport (SpApiClientOptions.Transport) on a fake clock: what needs no
/// real socket, such as https redirects, timeouts and cancellation, is tested without one.
/// </summary>
public sealed class InMemoryTransportTests
{
    private static readonly Uri Endpoint = new("https://sellingpartnerapi-eu.amazon.com/");

    [Fact]
    public async Task ADownloadFollowsARedirectToHttpsAndCarriesNoToken()
    {
        var transport = new FakeTransport(request => request.RequestUri!.AbsolutePath == "/first"
            ? Redirect("https://other-region.s3.example/second")
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.ASCII.GetBytes("zip")) });
        using var client = Client(transport, new FakeTimeProvider());
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        try
        {
            await DocumentDownload.DownloadAsync(client, new Uri("https://bucket.s3.example/first?X-Amz-Signature=abc"), file, CancellationToken.None);

            Assert.Equal("zip", await File.ReadAllTextAsync(file));
            Assert.Equal(new[] { "/first", "/second" }, transport.Requests.Select(r => r.Path));
            Assert.All(transport.Requests, r => Assert.False(r.HadToken));
            Assert.All(transport.Requests, r => Assert.StartsWith("SpApi/", r.UserAgent));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AnAttemptThatTimesOutOnTheFakeClockIsRetried()
    {
        var clock = new FakeTimeProvider();
        var hanging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var transport = new FakeTransport(async (request, ct) =>
        {
            if (request.RequestUri!.AbsolutePath == "/auth/o2/token")
            {
                return Json("{\"access_token\":\"Atza|memory\",\"expires_in\":3600}");
            }

            if (Interlocked.Increment(ref calls) == 1)
            {
                hanging.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }

            return Json("{}");
        });
        using var client = Client(transport, clock, requestTimeout: TimeSpan.FromMinutes(1));

        var call = client.SendRawAsync(new SpApiRequest(SpApiOperations.GetInvoicesExports), CancellationToken.None);
        await hanging.Task.Within();
        clock.Advance(TimeSpan.FromMinutes(1));
        var response = await call.Within();

        Assert.True(response.IsSuccess);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task CancellingEndsAHangingSendAtOnceWithoutARetry()
    {
        var hanging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var transport = new FakeTransport(async (request, ct) =>
        {
            if (request.RequestUri!.AbsolutePath == "/auth/o2/token")
            {
                return Json("{\"access_token\":\"Atza|memory\",\"expires_in\":3600}");
            }

            Interlocked.Increment(ref calls);
            hanging.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return Json("{}");
        });
        using var client = Client(transport, new FakeTimeProvider());
        using var cancel = new CancellationTokenSource();

        var call = client.SendRawAsync(new SpApiRequest(SpApiOperations.GetInvoicesExports), cancel.Token);
        await hanging.Task.Within();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.Within());
        Assert.Equal(1, calls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EachAttemptIsCountedByTheBucketWhenItsAnswerComesBack(bool firstFails)
    {
        // getInvoicesAttributes has a burst of 1. Its first answer takes 3 s on the clock, more than a period, and
        // may be a dropped connection: the next attempt (another call, or the retry) must still wait a whole period
        // (1.11 s) from it, since Amazon may have counted the first just before it answered.
        var clock = new FakeTimeProvider();
        var calls = 0;
        var transport = new FakeTransport(request =>
        {
            if (request.RequestUri!.AbsolutePath == "/auth/o2/token")
            {
                return Json("{\"access_token\":\"Atza|memory\",\"expires_in\":3600}");
            }

            if (Interlocked.Increment(ref calls) == 1)
            {
                clock.Advance(TimeSpan.FromSeconds(3));
                if (firstFails)
                {
                    throw new HttpRequestException("The connection was reset.");
                }
            }

            return Json("{}");
        });
        var log = new CapturingLog();
        using var client = Client(transport, clock, log: log);
        var call = client.SendRawAsync(new SpApiRequest(SpApiOperations.GetInvoicesAttributes), CancellationToken.None);
        if (!firstFails)
        {
            await call.Within();
            call = client.SendRawAsync(new SpApiRequest(SpApiOperations.GetInvoicesAttributes), CancellationToken.None);
        }

        var wait = await log.WhenLogged(e => e.Kind == SpApiLogKind.RateLimitWait).Within();
        clock.Advance(TimeSpan.FromSeconds(2));
        await call.Within();

        Assert.InRange(wait.Delay!.Value, TimeSpan.FromMilliseconds(1110), TimeSpan.FromMilliseconds(1111));
        Assert.Equal(2, calls);
    }

    private static SpApiClient Client(FakeTransport transport, FakeTimeProvider clock, TimeSpan? requestTimeout = null, CapturingLog? log = null) =>
        new(new SpApiClientOptions(SandboxHarness.Credentials(), Endpoint, new Uri("https://api.amazon.example/auth/o2/token"))
        {
            Log = log,
            Transport = transport,
            TimeProvider = clock,
            RateLimiters = new RateLimiterRegistry(clock),
            TokenCache = new TokenCache(),
            RetryBaseDelay = TimeSpan.Zero,
            RetryMaxDelay = TimeSpan.Zero,
            RequestTimeout = requestTimeout ?? TimeSpan.FromMinutes(2),
        });

    private static HttpResponseMessage Redirect(string location)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Found);
        response.Headers.Location = new Uri(location);
        return response;
    }

    private static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>A transport that answers from a function and records what it was sent.</summary>
    private sealed class FakeTransport : HttpMessageHandler
    {
        private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer;

        public FakeTransport(Func<HttpRequestMessage, HttpResponseMessage> answer)
            : this((request, _) => Task.FromResult(answer(request)))
        {
        }

        public FakeTransport(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) => this.answer = answer;

        public List<(string Path, bool HadToken, string UserAgent)> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add((request.RequestUri!.AbsolutePath, request.Headers.Contains("x-amz-access-token"), request.Headers.UserAgent.ToString()));
            }

            return answer(request, cancellationToken);
        }
    }
}
