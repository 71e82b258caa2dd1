namespace SpApi.Core.Polling;

/// <summary>
/// The schedule of a wait that checks something every <see cref="Interval"/> until it is done or the
/// <see cref="Timeout"/> would pass, on a <see cref="TimeProvider"/> so tests can drive it with a fake clock.
/// The clock starts when the poller is created; what a check is and what done means stay with the caller.
/// </summary>
public sealed class Poller
{
    private readonly TimeProvider time;
    private readonly long started;

    /// <summary>
    /// Starts the clock. A poll interval or timeout that is not positive is refused, named as the cmdlets'
    /// -PollIntervalSec and -TimeoutSec, since that is where users set them.
    /// </summary>
    public Poller(TimeProvider time, TimeSpan interval, TimeSpan? timeout)
    {
        if (interval <= TimeSpan.Zero || timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(interval <= TimeSpan.Zero ? "PollIntervalSec" : "TimeoutSec", "The poll interval and the timeout must be positive.");
        }

        this.time = time ?? throw new ArgumentNullException(nameof(time));
        Interval = interval;
        Timeout = timeout;
        started = time.GetTimestamp();
    }

    /// <summary>How long to wait between checks.</summary>
    public TimeSpan Interval { get; }

    /// <summary>How long to wait in all; null waits as long as it takes.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>The time since the poller was created.</summary>
    public TimeSpan Elapsed => time.GetElapsedTime(started);

    /// <summary>
    /// Waits one interval and returns true; or returns false at once when the next check would come after
    /// the timeout, because waiting only to give up is worse than giving up now.
    /// <paramref name="scheduled"/> hears the time elapsed once the next check is scheduled, so a progress
    /// report made from it is already true.
    /// </summary>
    public async Task<bool> WaitForNextCheckAsync(Action<TimeSpan>? scheduled, CancellationToken cancellationToken)
    {
        var elapsed = Elapsed;
        if (Timeout is { } timeout && elapsed + Interval > timeout)
        {
            return false;
        }

        var nextCheck = Polyfills.TimeProviderDelay.Delay(time, Interval, cancellationToken);
        scheduled?.Invoke(elapsed);
        await nextCheck.ConfigureAwait(false);
        return true;
    }
}
