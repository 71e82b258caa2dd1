using System.Collections.Concurrent;
using SpApi.Core.Files;
using SpApi.Core.Operations;
using SpApi.Core.Security;

namespace SpApi.Core.Limits;

/// <summary>
/// The token buckets, one per (operation, selling-partner account), where the account names the application, the
/// refresh token or scope, and the endpoint. Every connection of the same account shares them, so parallel scripts
/// together stay inside Amazon's limits; with a shared folder, so do all the OS user's processes on the machine.
/// </summary>
public sealed class RateLimiterRegistry : IDisposable
{
    /// <summary>The variable that moves the shared bucket files; by default they are under the user's local application data.</summary>
    public const string SharedFolderVariable = "SPAPI_RATE_LIMIT_PATH";

    /// <summary>How long a call waits for another process's hold on a bucket file before it paces alone.</summary>
    internal static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<(string Operation, string Account), Lazy<OperationBucket>> buckets = new();
    private readonly TimeProvider time;
    private readonly string? sharedFolder;
    private readonly TimeSpan lockTimeout;

    /// <summary>Creates a registry whose buckets live in this process only.</summary>
    /// <param name="time">The clock that refills the buckets.</param>
    /// <param name="rateScale">Multiplies every documented rate; only a local sandbox running faster than Amazon needs anything but 1.</param>
    public RateLimiterRegistry(TimeProvider time, double rateScale = 1)
        : this(time, rateScale, null, DefaultLockTimeout)
    {
    }

    /// <summary>Creates a registry whose buckets are files in <paramref name="sharedFolder"/>, shared by every process that uses it.</summary>
    /// <param name="time">The clock that refills the buckets; a shared folder needs the wall clock every process reads.</param>
    /// <param name="rateScale">Multiplies every documented rate.</param>
    /// <param name="sharedFolder">The folder of the bucket files, or null for buckets in this process only.</param>
    /// <param name="lockTimeout">How long a call waits for another process's hold on a bucket file before it paces alone.</param>
    internal RateLimiterRegistry(TimeProvider time, double rateScale, string? sharedFolder, TimeSpan lockTimeout)
    {
        if (rateScale <= 0 || double.IsNaN(rateScale) || double.IsInfinity(rateScale))
        {
            throw new ArgumentOutOfRangeException(nameof(rateScale), rateScale, "The rate scale must be a positive number.");
        }

        this.time = time ?? throw new ArgumentNullException(nameof(time));
        RateScale = rateScale;
        this.sharedFolder = sharedFolder;
        this.lockTimeout = lockTimeout;
    }

    /// <summary>The variable that speeds up every bucket, for a local sandbox started with the same --rate-scale.</summary>
    public const string RateScaleVariable = "SPAPI_RATE_SCALE";

    /// <summary>The registry that every connection uses unless told otherwise.</summary>
    public static RateLimiterRegistry Shared { get; } = new(
        TimeProvider.System,
        ScaleFromEnvironment(Environment.GetEnvironmentVariable(RateScaleVariable)),
        LocalDataFolder.Resolve(Environment.GetEnvironmentVariable(SharedFolderVariable), "rate-limits"),
        DefaultLockTimeout);

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
            _ => new Lazy<OperationBucket>(() => new OperationBucket(operation, RateScale, time, StoreFor(operation, account)))).Value;

    /// <inheritdoc />
    public void Dispose() => buckets.Clear();

    private IBucketStore StoreFor(OperationDescriptor operation, string account)
    {
        if (sharedFolder is null)
        {
            return new MemoryBucketStore();
        }

        // The account key holds no secret (a refresh token's fingerprint), but the file name needs neither it nor the
        // client id in the clear. The scale is part of the name: a sandbox run at 60 times must not pace a real one.
        var key = string.Join("\n", account, operation.Key, RateScale.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        return new FileBucketStore(Path.Combine(sharedFolder, $"{operation.Name}-{Sha256Hex.Of(key, 12)}.bucket"), operation.Name, lockTimeout);
    }
}
