using System.Threading.RateLimiting;
using SpApi.Core.Diagnostics;
using SpApi.Core.Operations;

namespace SpApi.Core.Limits;

/// <summary>
/// The client-side copy of one (operation, account) token bucket. It wraps a TokenBucketRateLimiter
/// whose refill is driven by a TimeProvider timer, so tests can move time and the rate can change
/// when Amazon reports a different one in x-amzn-RateLimit-Limit.
/// </summary>
internal sealed class OperationBucket : IDisposable
{
    // Pacing exactly at the server's rate lets request latency jitter tip a call into a 429: the server's
    // bucket starts when our first request arrives, slightly after ours. A small lag absorbs that.
    private const double PeriodMargin = 1.01;
    private const double StartHeadroom = 0.1;

    private readonly object gate = new();
    private readonly TimeProvider time;
    private readonly TokenBucketRateLimiter limiter;
    private readonly ITimer timer;
    private readonly double scale;
    private TimeSpan period;
    private long epoch;
    private long credited;

    public OperationBucket(OperationDescriptor operation, double scale, TimeProvider time)
    {
        Operation = operation;
        this.time = time;
        this.scale = scale;
        Rate = operation.Rate;
        limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = operation.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        timer = time.CreateTimer(_ => Replenish(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Restart();
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

        var expected = TimeSpan.FromTicks(period.Ticks * Math.Max(1, limiter.GetStatistics()?.CurrentQueuedCount ?? 1));
        SpApiLogScope.Write(log, new SpApiLogEvent(
            SpApiLogLevel.Verbose, SpApiLogKind.RateLimitWait, Operation.Name,
            $"waiting for the rate limit ({Rate:0.####}/s, burst {Operation.Burst}); about {expected.TotalSeconds:0.###} s")
        { Delay = expected });
        var started = time.GetTimestamp();
        using (var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false))
        {
            if (!lease.IsAcquired)
            {
                throw new InvalidOperationException($"The rate limiter of {Operation.Name} refused a request.");
            }
        }

        return time.GetElapsedTime(started);
    }

    /// <summary>Applies the rate the server reported, if it differs from the one in force.</summary>
    public bool Adjust(double rate)
    {
        if (rate <= 0 || double.IsNaN(rate) || double.IsInfinity(rate))
        {
            return false;
        }

        lock (gate)
        {
            if (Math.Abs(rate - Rate) < Rate * 1e-6)
            {
                return false;
            }

            Rate = rate;
            Restart();
            return true;
        }
    }

    public void Dispose()
    {
        timer.Dispose();
        limiter.Dispose();
    }

    private void Restart()
    {
        lock (gate)
        {
            period = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / (Rate * scale) * PeriodMargin));
            var headroom = TimeSpan.FromTicks((long)(period.Ticks * StartHeadroom));
            epoch = time.GetTimestamp() + (long)(headroom.TotalSeconds * time.TimestampFrequency);
            credited = 0;
            timer.Change(period + headroom, period);
        }
    }

    // Credits every whole period since the epoch, so a late timer never makes the bucket drift.
    private void Replenish()
    {
        lock (gate)
        {
            var elapsedTicks = (time.GetTimestamp() - epoch) * TimeSpan.TicksPerSecond / time.TimestampFrequency;
            var due = elapsedTicks / period.Ticks;
            if (due - credited > Operation.Burst)
            {
                credited = due - Operation.Burst;
            }

            for (; credited < due; credited++)
            {
                limiter.TryReplenish();
            }
        }
    }
}
