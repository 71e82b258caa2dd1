using SpApi.Core.Diagnostics;
using SpApi.Core.Operations;

namespace SpApi.Core.Limits;

/// <summary>
/// The client-side copy of one (operation, account) token bucket, seeded from the operation's
/// documented rate and burst and adjusted when Amazon reports another rate in x-amzn-RateLimit-Limit.
/// </summary>
internal sealed class OperationBucket : IDisposable
{
    // Pacing exactly at the server's rate would let latency jitter tip a call into a 429: the server's
    // bucket starts when our first request arrives, a little after ours, and each request's latency
    // varies. Starting the refill one period late absorbs a period of jitter at once, and refilling 1%
    // slower builds more slack as a run goes on. It costs one period per run plus 1% of its length.
    private const double RateMargin = 1.01;
    private const double StartDelayInPeriods = 1;

    private readonly TokenBucketLimiter limiter;
    private readonly TimeProvider time;
    private readonly double scale;

    public OperationBucket(OperationDescriptor operation, double scale, TimeProvider time)
    {
        Operation = operation;
        this.time = time;
        this.scale = scale;
        Rate = operation.Rate;
        var tokensPerSecond = EffectiveRate(Rate);
        limiter = new TokenBucketLimiter(time, tokensPerSecond, operation.Burst, StartDelay(tokensPerSecond));
    }

    public OperationDescriptor Operation { get; }

    /// <summary>The rate in force, in requests per second, before the scale is applied.</summary>
    public double Rate { get; private set; }

    /// <summary>Waits for a token. Returns how long the caller waited.</summary>
    public async ValueTask<TimeSpan> AcquireAsync(ISpApiLog? log, CancellationToken cancellationToken)
    {
        using (var lease = limiter.AttemptAcquire(1))
        {
            if (lease.IsAcquired)
            {
                return TimeSpan.Zero;
            }
        }

        var queued = limiter.GetStatistics()?.CurrentQueuedCount ?? 0;
        var expected = TimeSpan.FromSeconds((queued + 1) / EffectiveRate(Rate));
        SpApiLogScope.Write(log, new SpApiLogEvent(
            SpApiLogLevel.Verbose, SpApiLogKind.RateLimitWait, Operation.Name,
            $"waiting for the rate limit ({Rate:0.####}/s, burst {Operation.Burst}); about {expected.TotalSeconds:0.###} s")
        { Delay = expected });
        var started = time.GetTimestamp();
        using (var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false))
        {
            if (!lease.IsAcquired)
            {
                throw new ObjectDisposedException(nameof(OperationBucket), $"The rate limiter of {Operation.Name} was disposed while a request waited.");
            }
        }

        return time.GetElapsedTime(started);
    }

    /// <summary>Applies the rate the server reported, if it differs from the one in force.</summary>
    public bool Adjust(double rate)
    {
        if (rate <= 0 || double.IsNaN(rate) || double.IsInfinity(rate) || Math.Abs(rate - Rate) < Rate * 1e-6)
        {
            return false;
        }

        Rate = rate;
        var tokensPerSecond = EffectiveRate(rate);
        limiter.SetRate(tokensPerSecond, StartDelay(tokensPerSecond));
        return true;
    }

    public void Dispose() => limiter.Dispose();

    private double EffectiveRate(double rate) => rate * scale / RateMargin;

    private static TimeSpan StartDelay(double tokensPerSecond) => TimeSpan.FromSeconds(StartDelayInPeriods / tokensPerSecond);
}
