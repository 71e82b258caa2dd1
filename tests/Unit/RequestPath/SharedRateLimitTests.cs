using SpApi.Core.Diagnostics;
using SpApi.Core.Limits;
using SpApi.Core.Operations;
using SpApi.Tests.Support;

namespace SpApi.Tests.RequestPath;

/// <summary>
/// Issue 17: buckets shared by every process of the user through one folder. Two registries over one folder stand
/// for two processes (each has its own memory, and only the files in common), on one fake clock.
/// </summary>
public sealed class SharedRateLimitTests : IDisposable
{
    private static readonly OperationDescriptor Operation = SpApiOperations.GetCustomerInvoices;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "spapi-buckets-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider clock = new();

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TwoProcessesOverOneFolderNeverHandOutMoreThanRateTimesTimePlusBurst(bool shared)
    {
        // Both ask far faster than the rate: a call each every 7 ms, for 1.4 s.
        using var first = Registry(shared ? folder : null);
        using var second = Registry(shared ? folder : null);
        var grants = new List<Task<DateTimeOffset>>();
        for (var step = 0; step < 200; step++)
        {
            grants.Add(GrantedAt(first));
            grants.Add(GrantedAt(second));
            clock.Advance(TimeSpan.FromMilliseconds(7));
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        var times = (await Task.WhenAll(grants)).OrderBy(t => t).ToList();

        var worst = WorstWindow(times);
        if (shared)
        {
            Assert.True(worst.Excess <= 0, $"{worst.Count} calls within {worst.Seconds:0.###} s, more than {Operation.Rate}/s x t + burst {Operation.Burst}");
            // And they do go at the shared pace, not slower: 400 calls, 9 at once, then one per 101 ms (1% margin), after a period's start delay.
            Assert.InRange((times[^1] - times[0]).TotalSeconds, (400 - 9) * 0.101, ((400 - 9) * 0.101) + 0.2);
        }
        else
        {
            // Two processes with buckets of their own: what issue 17 measured, each at the limit, together twice over it.
            Assert.True(worst.Excess > 0, "two separate buckets were expected to exceed the account's limit together");
        }
    }

    [Fact]
    public async Task ARateOneProcessHearsFromAmazonPacesTheOther()
    {
        using var first = Registry(folder);
        using var second = Registry(folder);
        var heard = first.For(Operation, "account");
        var other = second.For(Operation, "account");
        for (var i = 0; i < heard.Capacity; i++)
        {
            Assert.Equal(TimeSpan.Zero, await heard.AcquireAsync(null, CancellationToken.None));
        }

        Assert.True(heard.Adjust(2));
        Assert.False(other.Adjust(2), "the other process must find the rate already in force");

        // At 2/s (paced 1% slower: 505 ms) after a start delay of one such period: 1010 ms, not 202 ms at 10/s.
        var waited = await clock.WaitedAsync(other.AcquireAsync(null, CancellationToken.None));
        Assert.Equal(2, other.Rate);
        Assert.InRange(waited, TimeSpan.FromMilliseconds(1009), TimeSpan.FromMilliseconds(1011));
    }

    [Fact]
    public async Task AStateFileLeftByAKilledProcessIsTakenAsItsLastWordAndNothingIsLocked()
    {
        // A process that took 9 tokens and three later slots, then died: no lock survives it, only its state.
        using (var first = Registry(folder))
        {
            var bucket = first.For(Operation, "account");
            for (var i = 0; i < bucket.Capacity + 3; i++)
            {
                _ = bucket.AcquireAsync(null, CancellationToken.None);
            }
        }

        using var next = Registry(folder);
        var waited = await clock.WaitedAsync(next.For(Operation, "account").AcquireAsync(null, CancellationToken.None));

        // The fourth slot after the burst: the start delay and four periods, 5 x 101 ms.
        Assert.InRange(waited, TimeSpan.FromMilliseconds(504), TimeSpan.FromMilliseconds(506));
    }

    [Fact]
    public async Task AFileHeldByAHungProcessSendsTheBucketToThisProcessAloneAndSaysSoOnce()
    {
        using var registry = new RateLimiterRegistry(clock, 1, folder, TimeSpan.FromMilliseconds(20));
        var bucket = registry.For(Operation, "account");
        var log = new CapturingLog();
        await bucket.AcquireAsync(log, CancellationToken.None);
        var file = Assert.Single(Directory.GetFiles(folder));

        using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            for (var i = 1; i < bucket.Capacity; i++)
            {
                Assert.Equal(TimeSpan.Zero, await bucket.AcquireAsync(log, CancellationToken.None));
            }

            // Paced alone from the last state it read: the burst is spent, so the next call waits.
            var waiting = bucket.AcquireAsync(log, CancellationToken.None).AsTask();
            Assert.False(waiting.IsCompleted);
            clock.Advance(TimeSpan.FromSeconds(1));
            await waiting;
        }

        var line = Assert.Single(log.Of(SpApiLogKind.RateLimitShared));
        Assert.Equal(SpApiLogLevel.Verbose, line.Level);
        Assert.Contains("paced in this process only", line.Message);
        Assert.Contains("held", line.Message);
    }

    [Fact]
    public async Task ACorruptStateFileStartsOverAsAFullBucketIsRepairedAndLogged()
    {
        using (var first = Registry(folder))
        {
            await first.For(Operation, "account").AcquireAsync(null, CancellationToken.None);
        }

        var file = Assert.Single(Directory.GetFiles(folder));
        File.WriteAllText(file, "1;not a number;\0\0");
        using var next = Registry(folder);
        var log = new CapturingLog();

        Assert.Equal(TimeSpan.Zero, await next.For(Operation, "account").AcquireAsync(log, CancellationToken.None));

        Assert.Contains("unreadable", Assert.Single(log.Of(SpApiLogKind.RateLimitShared)).Message);
        Assert.StartsWith("1;8;", File.ReadAllText(file));
    }

    [Fact]
    public async Task AFolderThatCannotBeUsedFallsBackToThisProcessAndSaysWhy()
    {
        File.WriteAllText(folder, "a file where the folder should be");
        try
        {
            using var registry = Registry(folder);
            var bucket = registry.For(Operation, "account");
            var log = new CapturingLog();
            for (var i = 0; i < bucket.Capacity; i++)
            {
                Assert.Equal(TimeSpan.Zero, await bucket.AcquireAsync(log, CancellationToken.None));
            }

            Assert.False(bucket.AcquireAsync(log, CancellationToken.None).AsTask().IsCompleted, "the bucket still paces");
            var line = Assert.Single(log.Of(SpApiLogKind.RateLimitShared));
            Assert.Contains(folder, line.Message);
        }
        finally
        {
            File.Delete(folder);
        }
    }

    [Fact]
    public void EachAccountOperationAndRateScaleHasItsOwnFile()
    {
        using var registry = Registry(folder);
        using var faster = new RateLimiterRegistry(clock, 60, folder, RateLimiterRegistry.DefaultLockTimeout);

        _ = registry.For(Operation, "a").AcquireAsync(null, CancellationToken.None);
        _ = registry.For(Operation, "b").AcquireAsync(null, CancellationToken.None);
        _ = registry.For(SpApiOperations.GetCustomerInvoice, "a").AcquireAsync(null, CancellationToken.None);
        _ = faster.For(Operation, "a").AcquireAsync(null, CancellationToken.None);

        var names = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
        Assert.Equal(4, names.Count);
        Assert.All(names, n => Assert.DoesNotContain("account", n!));
    }

    [Fact]
    public async Task AStoppedCallerGivesItsSlotBackToTheOthers()
    {
        using var first = Registry(folder);
        using var second = Registry(folder);
        var bucket = first.For(Operation, "account");
        for (var i = 0; i < bucket.Capacity; i++)
        {
            await bucket.AcquireAsync(null, CancellationToken.None);
        }

        using var stop = new CancellationTokenSource();
        var stopped = bucket.AcquireAsync(null, stop.Token).AsTask();
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped);

        // The other process gets the first slot after the burst (202 ms), not the second (303 ms).
        var waited = await clock.WaitedAsync(second.For(Operation, "account").AcquireAsync(null, CancellationToken.None));
        Assert.InRange(waited, TimeSpan.FromMilliseconds(201), TimeSpan.FromMilliseconds(203));
    }

    private RateLimiterRegistry Registry(string? shared) =>
        new(clock, 1, shared, RateLimiterRegistry.DefaultLockTimeout);

    private async Task<DateTimeOffset> GrantedAt(RateLimiterRegistry registry)
    {
        var asked = clock.GetUtcNow();
        var waited = await registry.For(Operation, "account").AcquireAsync(null, CancellationToken.None);
        return asked + waited;
    }

    // The window of calls that most exceeds what Amazon's bucket allows: rate x its length + the burst.
    private static (int Count, double Seconds, double Excess) WorstWindow(IReadOnlyList<DateTimeOffset> times)
    {
        var worst = (Count: 0, Seconds: 0.0, Excess: double.MinValue);
        for (var i = 0; i < times.Count; i++)
        {
            for (var j = i; j < times.Count; j++)
            {
                var seconds = (times[j] - times[i]).TotalSeconds;
                var excess = (j - i + 1) - ((Operation.Rate * seconds) + Operation.Burst);
                if (excess > worst.Excess)
                {
                    worst = (j - i + 1, seconds, excess);
                }
            }
        }

        return worst;
    }
}
