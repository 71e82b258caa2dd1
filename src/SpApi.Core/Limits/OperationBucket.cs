using SpApi.Core.Diagnostics;
using SpApi.Core.Operations;

namespace SpApi.Core.Limits;

/// <summary>
/// The client-side copy of one (operation, account) token bucket, seeded from the operation's documented rate and
/// burst and adjusted when Amazon reports another rate in x-amzn-RateLimit-Limit. Its state lives in a store: this
/// process's memory, or a file the user's processes share, so that they pace together as Amazon counts them.
/// </summary>
/// <remarks>
/// A call takes its token at once, even one the bucket does not have yet, and then waits until the bucket would have
/// held it. So the state is one number and a time, callers are served in the order they came, and another process can
/// take its turn from the same file without any queue of waiters to share.
/// </remarks>
internal sealed class OperationBucket
{
    // Pacing exactly at the server's rate lets latency jitter tip a call into a 429: requests that leave on time
    // but arrive bunched look like a bigger burst to the server. So the client keeps one token of the documented
    // burst in reserve (arrivals may then jitter by a whole period), starts refilling a period late (the server's
    // bucket starts when our first request arrives), and refills 1% slower. That costs about two periods per run
    // plus 1% of its length; docs/benchmarks.md has the figures. An operation with a burst of 1 has no token to keep
    // in reserve, so each of its calls is spaced a further 100 ms apart instead: nothing next to
    // getInvoicesDocument's minute, enough for any jitter.
    private const double RateMargin = 1.01;
    private const double StartDelayInPeriods = 1;
    private static readonly TimeSpan NoReserveSpacing = TimeSpan.FromMilliseconds(100);

    private readonly IBucketStore store;
    private readonly TimeProvider time;
    private readonly double scale;

    public OperationBucket(OperationDescriptor operation, double scale, TimeProvider time, IBucketStore store)
    {
        Operation = operation;
        this.time = time;
        this.scale = scale;
        this.store = store;
        Rate = operation.Rate;
        Capacity = Math.Max(1, operation.Burst - 1);
    }

    /// <summary>How many calls may go out at once: the documented burst less the reserve token.</summary>
    public int Capacity { get; }

    public OperationDescriptor Operation { get; }

    /// <summary>The rate in force when this process last looked, in requests per second, before the scale is applied.</summary>
    public double Rate { get; private set; }

    /// <summary>Takes a token and waits until the bucket would hold it. Returns how long the caller waited.</summary>
    public async ValueTask<TimeSpan> AcquireAsync(ISpApiLog? log, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // The time is read under the store's lock. Read before it, it may be stale once another caller lets go, and a
        // time before the bucket's last refill is taken for a wall clock set back, which moves the refill earlier.
        long now = 0;
        long started = 0;
        var taken = store.Update(
            current =>
            {
                now = Now();
                started = time.GetTimestamp();
                return Take(AsNewIfFull(Refilled(current, now), now));
            },
            log);
        Rate = taken.Rate;
        var wait = WaitFor(taken, now);
        if (wait <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        SpApiLogScope.Write(log, new SpApiLogEvent(
            SpApiLogLevel.Verbose, SpApiLogKind.RateLimitWait, Operation.Name,
            $"waiting for the rate limit ({taken.Rate:0.####}/s, burst {Operation.Burst}); about {wait.TotalSeconds:0.###} s")
        { Delay = wait });
        try
        {
            // Timed on the monotonic clock, which a wall clock set while waiting does not move. Task.Delay drops the
            // part of a millisecond and the system's timers tick coarsely, so a wait can end a little early: what is
            // left of it is waited out, in whole milliseconds (a shorter delay is none at all).
            for (TimeSpan waited; (waited = time.GetElapsedTime(started)) < wait;)
            {
                var rest = TimeSpan.FromMilliseconds(Math.Ceiling((wait - waited).TotalMilliseconds));
                await Polyfills.TimeProviderDelay.Delay(time, rest, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The slot goes back, so a stopped caller does not slow the ones after it (or another process).
            store.Update(current => Refund(Refilled(current, Now())), log);
            throw;
        }

        return wait;
    }

    /// <summary>
    /// Counts a call that was sent as made no earlier than now, when its answer (or its failure) has come back:
    /// Amazon counted it at some moment between its slot and now, and now is the only moment sure not to be too early.
    /// </summary>
    /// <remarks>
    /// This moves the bucket only when it would otherwise be full, that is when the call left or arrived so late
    /// (a caller that woke late, a stalled thread pool, a slow network or server) that the bucket refilled meanwhile.
    /// The call then gives back the slot it took and takes the one of now, so the bucket is one short of full. Without
    /// this the next call would go at once, right behind one that Amazon may have just counted, and a bucket with no
    /// token in reserve (a burst of 1) would be throttled. Calls made one after the other never need more margin than
    /// that, however late each one arrives.
    /// </remarks>
    public void Answered(ISpApiLog? log) => store.Update(current => Take(Refund(Refilled(current, Now()))), log);

    /// <summary>Applies the rate the server reported, if it differs from the one in force; the change is shared with the store.</summary>
    public bool Adjust(double rate, ISpApiLog? log = null)
    {
        if (rate <= 0 || double.IsNaN(rate) || double.IsInfinity(rate))
        {
            return false;
        }

        var changed = false;
        var state = store.Update(current =>
        {
            var now = Now();
            var inForce = current ?? Refilled(null, now);
            if (Math.Abs(rate - inForce.Rate) < inForce.Rate * 1e-6)
            {
                return inForce;
            }

            // The time since the last refill is credited at the new rate: it is the one the server applied all along.
            // Refilling then resumes a period (of the new rate) late, as at the start.
            changed = true;
            var refilled = Refilled(new BucketState(inForce.Tokens, inForce.RefilledAtUtcTicks, rate), now);
            return new BucketState(refilled.Tokens, now + StartDelayTicks(rate), rate);
        }, log);
        Rate = state.Rate;
        return changed;
    }

    private long Now() => time.GetUtcNow().UtcTicks;

    private BucketState Refilled(BucketState? current, long now)
    {
        if (current is not { } state)
        {
            // A bucket nobody has used yet starts full, refilling a period after its first call.
            return new BucketState(Capacity, now + StartDelayTicks(Operation.Rate), Operation.Rate);
        }

        if (now <= state.RefilledAtUtcTicks)
        {
            // Refilling starts at most a start delay from now; a later time is a wall clock that was set back.
            var latest = now + StartDelayTicks(state.Rate);
            return state.RefilledAtUtcTicks <= latest ? state : new BucketState(state.Tokens, latest, state.Rate);
        }

        var earned = TimeSpan.FromTicks(now - state.RefilledAtUtcTicks).TotalSeconds * TokensPerSecond(state.Rate);
        return new BucketState(Math.Min(Capacity, state.Tokens + earned), now, state.Rate);
    }

    // A bucket that is full when a call comes is as good as new, and starts refilling a period late again: Amazon's,
    // full too, starts when this request arrives, not when it leaves.
    private BucketState AsNewIfFull(BucketState state, long now) =>
        state.Tokens >= Capacity ? new BucketState(Capacity, now + StartDelayTicks(state.Rate), state.Rate) : state;

    private static BucketState Take(BucketState state) => new(state.Tokens - 1, state.RefilledAtUtcTicks, state.Rate);

    private BucketState Refund(BucketState state) => new(Math.Min(Capacity, state.Tokens + 1), state.RefilledAtUtcTicks, state.Rate);

    private TimeSpan WaitFor(BucketState taken, long now)
    {
        if (taken.Tokens >= 0)
        {
            return TimeSpan.Zero;
        }

        var seconds = (Math.Max(0, taken.RefilledAtUtcTicks - now) / (double)TimeSpan.TicksPerSecond) + (-taken.Tokens / TokensPerSecond(taken.Rate));
        return TimeSpan.FromTicks((long)Math.Ceiling(seconds * TimeSpan.TicksPerSecond));
    }

    private double TokensPerSecond(double rate)
    {
        var period = RateMargin / (rate * scale);
        return 1 / (Operation.Burst > 1 ? period : period + NoReserveSpacing.TotalSeconds);
    }

    private long StartDelayTicks(double rate) => (long)(StartDelayInPeriods / TokensPerSecond(rate) * TimeSpan.TicksPerSecond);
}
