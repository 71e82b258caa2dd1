using SpApi.Core.Auth;
using SpApi.Core.Http;
using SpApi.Core.Limits;
using SpApi.Core.Security;
using SpApi.Sandbox;

namespace SpApi.Tests.Support;

/// <summary>
/// A sandbox server on 127.0.0.1 (ephemeral port) plus clients pointed at it. Each harness has its own
/// token cache and rate-limit registry, so tests don't share state through the process-wide ones.
/// </summary>
public sealed class SandboxHarness : IAsyncDisposable
{
    /// <summary>The rate scale of server and client: 10/s operations run at 100/s.</summary>
    public const double DefaultRateScale = 10;

    private readonly List<SpApiClient> clients = new();

    private SandboxHarness(SandboxServer server, double rateScale)
    {
        Server = server;
        RateLimiters = new RateLimiterRegistry(TimeProvider.System, rateScale);
    }

    public SandboxServer Server { get; }

    public SandboxState State => Server.State;

    public SandboxCounters Counters => Server.State.Counters;

    public RateLimiterRegistry RateLimiters { get; }

    public TokenCache TokenCache { get; } = new();

    public static async Task<SandboxHarness> StartAsync(Action<SandboxOptions>? configure = null, double rateScale = DefaultRateScale)
    {
        var options = new SandboxOptions { RateScale = rateScale };
        configure?.Invoke(options);
        return new SandboxHarness(await SandboxServer.StartAsync(options), rateScale);
    }

    public static LwaCredentials Credentials(string? refreshToken = null) => LwaCredentials.ForRefreshToken(
        SandboxCredentials.ClientId, new SpApiSecret(SandboxCredentials.ClientSecret), new SpApiSecret(refreshToken ?? SandboxCredentials.RefreshToken));

    /// <summary>
    /// A client with fast retries (the delays are short), sharing this harness's caches. A client on a fake
    /// clock passes a zero <paramref name="retryDelay"/>: its retries then go out at once instead of waiting for the clock.
    /// </summary>
    public SpApiClient Client(
        CapturingLog? log = null,
        TimeProvider? time = null,
        LwaCredentials? credentials = null,
        int maxRetries = 4,
        TimeSpan? requestTimeout = null,
        RateLimiterRegistry? rateLimiters = null,
        TimeSpan? retryDelay = null)
    {
        var client = new SpApiClient(new SpApiClientOptions(credentials ?? Credentials(), Server.BaseAddress, Server.TokenEndpoint)
        {
            Log = log,
            TimeProvider = time ?? TimeProvider.System,
            RateLimiters = rateLimiters ?? RateLimiters,
            TokenCache = TokenCache,
            MaxRetries = maxRetries,
            RetryBaseDelay = retryDelay ?? TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30),
        });
        clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        RateLimiters.Dispose();
        await Server.DisposeAsync();
    }
}
