using System.Threading.RateLimiting;

namespace SpApi.Core.Limits;

/// <summary>
/// A token bucket on the System.Threading.RateLimiting abstraction whose clock is a TimeProvider and
/// whose rate can change while it runs. The stock TokenBucketRateLimiter refills from Stopwatch time and
/// has a fixed rate, so it can neither follow x-amzn-RateLimit-Limit nor be driven by a test clock.
/// Tokens refill continuously; waiters are served first come, first served.
/// </summary>
internal sealed class TokenBucketLimiter : RateLimiter
{
    private static readonly RateLimitLease Acquired = new Lease(true);
    private static readonly RateLimitLease Refused = new Lease(false);

    private readonly object gate = new();
    private readonly TimeProvider time;
    private readonly int burst;
    private readonly LinkedList<Waiter> queue = new();
    private readonly ITimer wakeUp;
    private double tokens;
    private double rate;
    private long refilledAt;
    private bool disposed;

    /// <summary>Starts full. Refilling starts after <paramref name="startDelay"/>.</summary>
    public TokenBucketLimiter(TimeProvider time, double rate, int burst, TimeSpan startDelay)
    {
        this.time = time;
        this.rate = rate;
        this.burst = burst;
        tokens = burst;
        refilledAt = time.GetTimestamp() + (long)(startDelay.TotalSeconds * time.TimestampFrequency);
        wakeUp = time.CreateTimer(_ => ServeQueue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => null;

    /// <summary>
    /// Changes the refill rate, in tokens per second; refilling resumes after <paramref name="pause"/>.
    /// The time since the last refill is credited at the new rate: it is the one the server applied all along.
    /// </summary>
    public void SetRate(double tokensPerSecond, TimeSpan pause)
    {
        lock (gate)
        {
            rate = tokensPerSecond;
            Refill();
            refilledAt = time.GetTimestamp() + (long)(pause.TotalSeconds * time.TimestampFrequency);
            ScheduleWakeUp();
        }
    }

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)tokens, CurrentQueuedCount = queue.Count };
        }
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
        {
            return TryTake(permitCount) ? Acquired : Refused;
        }
    }

    /// <inheritdoc />
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (gate)
        {
            if (TryTake(permitCount))
            {
                return new ValueTask<RateLimitLease>(Acquired);
            }

            waiter = new Waiter(permitCount);
            waiter.Node = queue.AddLast(waiter);
            ScheduleWakeUp();
        }

        waiter.Cancellation = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
        return new ValueTask<RateLimitLease>(waiter.Completion.Task);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        List<Waiter> abandoned;
        lock (gate)
        {
            disposed = true;
            abandoned = queue.ToList();
            queue.Clear();
        }

        wakeUp.Dispose();
        foreach (var waiter in abandoned)
        {
            waiter.Cancellation.Dispose();
            waiter.Completion.TrySetResult(Refused);
        }
    }

    private bool TryTake(int count)
    {
        Refill();
        if (disposed || queue.Count > 0 || tokens < count)
        {
            return false;
        }

        tokens -= count;
        return true;
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        if (now > refilledAt)
        {
            tokens = Math.Min(burst, tokens + ((now - refilledAt) / (double)time.TimestampFrequency * rate));
            refilledAt = now;
        }
    }

    private void ServeQueue()
    {
        var served = new List<Waiter>();
        lock (gate)
        {
            Refill();
            // A hair of tolerance: the wake-up time is computed from the same figures, so rounding must not cost a period.
            while (queue.First is { } head && tokens >= head.Value.Count - 1e-9)
            {
                tokens = Math.Max(0, tokens - head.Value.Count);
                queue.RemoveFirst();
                served.Add(head.Value);
            }

            ScheduleWakeUp();
        }

        foreach (var waiter in served)
        {
            waiter.Cancellation.Dispose();
            waiter.Completion.TrySetResult(Acquired);
        }
    }

    private void ScheduleWakeUp()
    {
        if (queue.First is not { } head)
        {
            wakeUp.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var startsIn = Math.Max(0, refilledAt - time.GetTimestamp()) / (double)time.TimestampFrequency;
        var seconds = startsIn + (Math.Max(0, head.Value.Count - tokens) / rate);
        wakeUp.Change(TimeSpan.FromTicks((long)Math.Ceiling(seconds * TimeSpan.TicksPerSecond)), Timeout.InfiniteTimeSpan);
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (waiter.Node?.List is null)
            {
                return;
            }

            queue.Remove(waiter.Node);
            ScheduleWakeUp();
        }

        waiter.Completion.TrySetCanceled(cancellationToken);
    }

    private sealed class Waiter
    {
        public Waiter(int count) => Count = count;

        public int Count { get; }

        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Cancellation { get; set; }
    }

    private sealed class Lease : RateLimitLease
    {
        public Lease(bool acquired) => IsAcquired = acquired;

        public override bool IsAcquired { get; }

        public override IEnumerable<string> MetadataNames => Array.Empty<string>();

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
