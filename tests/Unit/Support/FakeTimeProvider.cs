namespace SpApi.Tests.Support;

/// <summary>A clock that moves only when a test advances it, firing due timers on the way.</summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly object gate = new();
    private readonly List<FakeTimer> timers = new();
    private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private long ticks;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override long GetTimestamp()
    {
        lock (gate)
        {
            return ticks;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (gate)
        {
            timers.Add(timer);
        }

        return timer;
    }

    /// <summary>
    /// The wait a rate-limit bucket gave <paramref name="acquiring"/>, after moving the clock well past it. The
    /// answer is the one the call was given, so it doesn't depend on when the caller's continuation got to run.
    /// </summary>
    public async Task<TimeSpan> WaitedAsync(ValueTask<TimeSpan> acquiring)
    {
        var task = acquiring.AsTask();
        Advance(TimeSpan.FromSeconds(5));
        return await task;
    }

    /// <summary>Moves the clock forward, firing each timer as its due time passes, in order.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "Time only moves forward.");
        }

        long target;
        lock (gate)
        {
            target = ticks + by.Ticks;
        }

        while (true)
        {
            FakeTimer? next;
            lock (gate)
            {
                next = timers.Where(t => t.DueAt is { } due && due <= target).OrderBy(t => t.DueAt).FirstOrDefault();
                if (next is null)
                {
                    now += TimeSpan.FromTicks(target - ticks);
                    ticks = target;
                    return;
                }

                now += TimeSpan.FromTicks(next.DueAt!.Value - ticks);
                ticks = next.DueAt.Value;
                next.Advance();
            }

            next.Fire();
        }
    }

    private sealed class FakeTimer : ITimer
    {
        private readonly FakeTimeProvider owner;
        private readonly TimerCallback callback;
        private readonly object? state;
        private long period;

        public FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state)
        {
            this.owner = owner;
            this.callback = callback;
            this.state = state;
        }

        public long? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner.gate)
            {
                this.period = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner.ticks + dueTime.Ticks;
            }

            return true;
        }

        public void Advance() => DueAt = period > 0 ? DueAt + period : null;

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner.gate)
            {
                DueAt = null;
                owner.timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
