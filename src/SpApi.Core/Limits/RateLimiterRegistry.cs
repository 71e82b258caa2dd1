using System.Collections.Concurrent;
using SpApi.Core.Operations;

namespace SpApi.Core.Limits;

/// <summary>
/// The token buckets of the process, one per (operation, selling-partner account). Every connection
/// of the same account shares them, so parallel scripts together stay inside Amazon's limits.
/// </summary>
public sealed class RateLimiterRegistry : IDisposable
{
    private readonly ConcurrentDictionary<(string Operation, string Account), Lazy<OperationBucket>> buckets = new();
    private readonly TimeProvider time;

    /// <summary>Creates a registry.</summary>
    /// <param name="time">The clock that refills the buckets.</param>
    /// <param name="rateScale">Multiplies every documented rate; only a local sandbox running faster than Amazon needs anything but 1.</param>
    public RateLimiterRegistry(TimeProvider time, double rateScale = 1)
    {
        if (rateScale <= 0 || double.IsNaN(rateScale) || double.IsInfinity(rateScale))
        {
            throw new ArgumentOutOfRangeException(nameof(rateScale), rateScale, "The rate scale must be a positive number.");
        }

        this.time = time ?? throw new ArgumentNullException(nameof(time));
        RateScale = rateScale;
    }

    /// <summary>The variable that speeds up every bucket, for a local sandbox started with the same --rate-scale.</summary>
    public const string RateScaleVariable = "SPAPI_RATE_SCALE";

    /// <summary>The registry that every connection uses unless told otherwise.</summary>
    public static RateLimiterRegistry Shared { get; } = new(TimeProvider.System, ScaleFromEnvironment(Environment.GetEnvironmentVariable(RateScaleVariable)));

    /// <summary>The multiplier applied to every documented rate.</summary>
    public double RateScale { get; }

    /// <summary>
    /// A wait the module chose for Amazon's pace (a default poll interval), at this registry's rate scale: against a
    /// sandbox that runs 60 times faster, a sixtieth. The one place waits follow SPAPI_RATE_SCALE, as the buckets do;
    /// a wait the user gives (-PollIntervalSec, -TimeoutSec) is the user's and is used as given.
    /// </summary>
    public TimeSpan Paced(TimeSpan atAmazonsPace) => TimeSpan.FromTicks(Math.Max(1, (long)(atAmazonsPace.Ticks / RateScale)));

    /// <summary>
    /// Reads SPAPI_RATE_SCALE. Only a local sandbox that runs faster than Amazon needs it; anything
    /// unparsable or not positive means 1, so a typo can never make the client faster than Amazon allows.
    /// </summary>
    internal static double ScaleFromEnvironment(string? value) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var scale) && scale > 0 && !double.IsInfinity(scale)
            ? scale
            : 1;

    internal OperationBucket For(OperationDescriptor operation, string account) =>
        buckets.GetOrAdd(
            (operation.Key, account),
            _ => new Lazy<OperationBucket>(() => new OperationBucket(operation, RateScale, time))).Value;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var bucket in buckets.Values.Where(b => b.IsValueCreated))
        {
            bucket.Value.Dispose();
        }

        buckets.Clear();
    }
}
