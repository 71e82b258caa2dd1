using SpApi.Core.Diagnostics;
using SpApi.Core.Operations;

namespace SpApi.Core.Limits;

/// <summary>
/// The client-side copy of one (operation, account) token bucket, seeded from the operation's
/// documented rate and burst and adjusted when Amazon reports another rate in x-amzn-RateLimit-Limit.
/// </summary>
internal sealed class OperationBucket : IDisposable
{
    // Pacing exactly at the server's rate lets latency jitter tip a call into a 429: requests that leave
    // on time but arrive bunched look like a bigger burst to the server. So the client keeps one token of
    // the documented burst in reserve (arrivals may then jitter by a whole period), starts refilling a
    // period late (the server's bucket starts when our first request arrives), and refills 1% slower.
    // That costs about two periods per run plus 1% of its length; docs/benchmarks.md has the figures.
    // An operation with a burst of 1 has no token to keep in reserve, so each of its calls is spaced a
    // further 100 ms apart instead: nothing next to getInvoicesDocument's minute, enough for any jitter.
    private const double RateMargin = 1.01;
    private const double StartDelayInPeriods = 1;
    private static readonly TimeSpan NoReserveSpacing = TimeSpan.FromMilliseconds(100);

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
        Capacity = Math.Max(1, operation.Burst - 1);
        limiter = new TokenBucketLimiter(time, tokensPerSecond, Capacity, StartDelay(tokensPerSecond));
    }

    /// <summary>How many calls may go out at once: the documented burst less the reserve token.</summary>
    public int Capacity { get; }

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

    private double EffectiveRate(double rate)
    {
        var period = RateMargin / (rate * scale);
        return 1 / (Operation.Burst > 1 ? period : period + NoReserveSpacing.TotalSeconds);
    }

    private static TimeSpan StartDelay(double tokensPerSecond) => TimeSpan.FromSeconds(StartDelayInPeriods / tokensPerSecond);
}
