using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Diagnostics;
using SpApi.Core.Limits;
using SpApi.Core.Operations;
using SpApi.Sandbox;
using SpApi.Tests.Support;

namespace SpApi.Tests.RequestPath;

/// <summary>Core part 4 (rate limits), over real HTTP to the sandbox at a rate scale.</summary>
public sealed class RateLimitTests
{
    // Tests that count zero 429s run at 5x (a 20 ms period at 10/s), so a scheduling hiccup on a busy
    // two-core machine stays below the one-period jitter the client tolerates.
    private const double PacingScale = 5;

    private static readonly DateTimeOffset End = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PagingSixtyPagesAtTheBucketsPaceCausesNoThrottling()
    {
        await using var sandbox = await SandboxHarness.StartAsync(UseInvoices(60), PacingScale);
        var log = new CapturingLog();
        var api = new CustomerInvoicesApi(sandbox.Client(log));

        var pages = await api.GetCustomerInvoicePagesAsync(Window(limit: 1), CancellationToken.None).ToListAsync();

        Assert.Equal(60, pages.Count);
        Assert.Equal(0, sandbox.Counters.Throttled);
        // 60 pages against a burst of 10: the client must have waited for its bucket.
        Assert.NotEmpty(log.Of(SpApiLogKind.RateLimitWait));
    }

    [Fact]
    public async Task TheRateReportedInTheHeaderReplacesTheDocumentedOne()
    {
        // The server enforces 2/s (scaled) and says so in x-amzn-RateLimit-Limit; the table says 10/s.
        await using var sandbox = await SandboxHarness.StartAsync(o =>
        {
            UseInvoices(40)(o);
            o.RateOverrides[SpApiOperations.GetCustomerInvoices.Key] = 2;
        }, PacingScale);
        var log = new CapturingLog();
        var api = new CustomerInvoicesApi(sandbox.Client(log));

        var pages = await api.GetCustomerInvoicePagesAsync(Window(limit: 1), CancellationToken.None).ToListAsync();

        Assert.Equal(40, pages.Count);
        Assert.Equal(0, sandbox.Counters.Throttled);
        Assert.Contains(log.Of(SpApiLogKind.RateLimitAdjusted), e => e.Message.Contains("2/s"));
    }

    [Fact]
    public async Task A429StormEndsInCompletionNotFailure()
    {
        // The client believes the rate is ten times what the server allows, so the server throttles.
        await using var sandbox = await SandboxHarness.StartAsync(UseInvoices(40));
        using var tooFast = new RateLimiterRegistry(TimeProvider.System, SandboxHarness.DefaultRateScale * 10);
        var log = new CapturingLog();
        var api = new CustomerInvoicesApi(sandbox.Client(log, maxRetries: 8, rateLimiters: tooFast));

        var pages = await api.GetCustomerInvoicePagesAsync(Window(limit: 1), CancellationToken.None).ToListAsync();

        Assert.Equal(40, pages.Count);
        Assert.True(sandbox.Counters.Throttled > 0, "the server should have throttled the too-fast client");
        Assert.Equal(sandbox.Counters.Throttled, log.Of(SpApiLogKind.Retry).Count(e => e.Message.Contains("HTTP 429")));
    }

    [Fact]
    public async Task AnEmptyBucketMakesTheCallerWaitUntilItRefills()
    {
        var clock = new FakeTimeProvider();
        using var registry = new RateLimiterRegistry(clock);
        var bucket = registry.For(SpApiOperations.GetCustomerInvoices, "account");

        Assert.Equal(9, bucket.Capacity);
        await DrainAsync(bucket, bucket.Capacity);

        var waiting = bucket.AcquireAsync(null, CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(3));
        var waited = await waiting;

        // One token at 10/s (paced 1% slower: 101 ms) after a start delay of one period (101 ms).
        Assert.InRange(waited, TimeSpan.FromMilliseconds(202), TimeSpan.FromMilliseconds(203));
    }

    [Fact]
    public async Task BucketsAreSeparatePerOperationAndPerAccount()
    {
        var clock = new FakeTimeProvider();
        using var registry = new RateLimiterRegistry(clock);

        await DrainAsync(registry.For(SpApiOperations.GetCustomerInvoices, "a"), 9);

        Assert.Equal(TimeSpan.Zero, await registry.For(SpApiOperations.GetCustomerInvoices, "b").AcquireAsync(null, CancellationToken.None));
        Assert.Equal(TimeSpan.Zero, await registry.For(SpApiOperations.GetCustomerInvoice, "a").AcquireAsync(null, CancellationToken.None));
        Assert.Same(registry.For(SpApiOperations.GetCustomerInvoices, "a"), registry.For(SpApiOperations.GetCustomerInvoices, "a"));
    }

    [Fact]
    public async Task EachEndpointHasItsOwnBucketsForTheSameCredentials()
    {
        // Amazon's usage plans are per region: the same app and refresh token in NA and EU are two accounts' worth.
        await using var na = await SandboxHarness.StartAsync();
        await using var eu = await SandboxHarness.StartAsync();
        using var registry = new RateLimiterRegistry(new FakeTimeProvider());
        var operation = SpApiOperations.GetCustomerInvoices;

        var atNa = na.Client(rateLimiters: registry).BucketFor(operation);

        Assert.Same(atNa, na.Client(rateLimiters: registry).BucketFor(operation));
        Assert.NotSame(atNa, eu.Client(rateLimiters: registry).BucketFor(operation));
    }

    [Fact]
    public async Task AdjustingTheRateChangesTheRefillPeriod()
    {
        var clock = new FakeTimeProvider();
        using var registry = new RateLimiterRegistry(clock);
        var bucket = registry.For(SpApiOperations.GetCustomerInvoices, "account");
        await DrainAsync(bucket, bucket.Capacity);

        Assert.True(bucket.Adjust(2));
        Assert.False(bucket.Adjust(2));

        // At 2/s a token takes 505 ms, and refilling resumes one such period after the change.
        Assert.InRange(await clock.WaitedAsync(bucket.AcquireAsync(null, CancellationToken.None)), TimeSpan.FromMilliseconds(1010), TimeSpan.FromMilliseconds(1011));
    }

    [Fact]
    public async Task TheBucketNeverHoldsMoreThanItsBurstAfterIdlingAndRefillsAsIfNew()
    {
        var clock = new FakeTimeProvider();
        using var registry = new RateLimiterRegistry(clock);
        var bucket = registry.For(SpApiOperations.GetCustomerInvoices, "account");

        await DrainAsync(bucket, 1);
        clock.Advance(TimeSpan.FromHours(1));
        await DrainAsync(bucket, bucket.Capacity);

        // Full again, it is as good as new: Amazon's bucket, full too, starts refilling when the next request
        // arrives, so this one starts a period (101 ms) late, and the next token comes after 202 ms, not 101.
        Assert.InRange(await clock.WaitedAsync(bucket.AcquireAsync(null, CancellationToken.None)), TimeSpan.FromMilliseconds(202), TimeSpan.FromMilliseconds(203));
    }

    [Fact]
    public async Task ABurstOfOneIsKeptAndItsCallsAreSpacedAFurtherTenthOfASecond()
    {
        var clock = new FakeTimeProvider();
        using var registry = new RateLimiterRegistry(clock);
        var bucket = registry.For(SpApiOperations.GetInvoicesAttributes, "account");
        Assert.Equal(1, bucket.Capacity);
        await DrainAsync(bucket, 1);

        // 1/s paced 1% slower is 1.01 s, plus 0.1 s; refilling starts one such period late.
        Assert.InRange(await clock.WaitedAsync(bucket.AcquireAsync(null, CancellationToken.None)), TimeSpan.FromMilliseconds(2220), TimeSpan.FromMilliseconds(2221));
    }

    [Fact]
    public async Task ACallerThatWakesLateIsCountedWhenItsAnswerComesBackNotAtItsSlot()
    {
        // The waiter's timer fires a second late, as on a stalled machine. Counted from its slot, the bucket would
        // have refilled meanwhile and sent the next call 0.11 s behind it; a burst of 1 has no token to spare for that.
        var clock = new FakeTimeProvider();
        var late = new LateTimers(clock) { Lateness = TimeSpan.FromSeconds(1) };
        using var registry = new RateLimiterRegistry(late);
        var bucket = registry.For(SpApiOperations.GetInvoicesAttributes, "account");
        await DrainAsync(bucket, 1);
        var first = bucket.AcquireAsync(null, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(3225));
        Assert.InRange(await first, TimeSpan.FromMilliseconds(2220), TimeSpan.FromMilliseconds(2221));
        late.Lateness = TimeSpan.Zero;
        bucket.Answered(null);

        // The next call waits a whole spaced period (1.11 s), counted from when the late caller's answer came back.
        Assert.InRange(await clock.WaitedAsync(bucket.AcquireAsync(null, CancellationToken.None)), TimeSpan.FromMilliseconds(1100), TimeSpan.FromMilliseconds(1111));
    }

    [Fact]
    public async Task ACallWhoseAnswerTakesLongerThanAPeriodIsCountedFromItsAnswer()
    {
        // A call left on time but its answer took 3 s (a slow network or server): Amazon may have counted it at
        // any moment of those 3 s, so the next call waits a period from the answer, not none at all.
        var clock = new FakeTimeProvider();
        using var registry = new RateLimiterRegistry(clock);
        var bucket = registry.For(SpApiOperations.GetInvoicesAttributes, "account");
        await DrainAsync(bucket, 1);
        clock.Advance(TimeSpan.FromSeconds(3));
        bucket.Answered(null);

        Assert.InRange(await clock.WaitedAsync(bucket.AcquireAsync(null, CancellationToken.None)), TimeSpan.FromMilliseconds(1110), TimeSpan.FromMilliseconds(1111));
    }

    [Fact]
    public async Task AnAnswerInsideItsPeriodLeavesTheBucketAsItWas()
    {
        // Calls one after the other at the bucket's pace: an answer that comes before the bucket refills changes nothing.
        var clock = new FakeTimeProvider();
        using var registry = new RateLimiterRegistry(clock);
        var bucket = registry.For(SpApiOperations.GetCustomerInvoices, "account");
        await DrainAsync(bucket, bucket.Capacity);
        clock.Advance(TimeSpan.FromMilliseconds(50));
        bucket.Answered(null);

        // As without the answer: the start delay (101 ms) less the 50 ms gone, and one period (101 ms).
        Assert.InRange(await clock.WaitedAsync(bucket.AcquireAsync(null, CancellationToken.None)), TimeSpan.FromMilliseconds(152), TimeSpan.FromMilliseconds(153));
    }

    [Fact]
    public void ARateScaleMustBePositive()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimiterRegistry(TimeProvider.System, 0));
        Assert.Equal("rateScale", error.ParamName);
    }

    internal static Action<SandboxOptions> UseInvoices(int count) => o =>
    {
        o.CustomerInvoices.Clear();
        o.CustomerInvoices.AddRange(SandboxInvoice.Generate(End, count, TimeSpan.FromMinutes(90)));
    };

    internal static CustomerInvoicesQuery Window(int? limit = null, CustomerInvoiceSortOrder? sortOrder = null) => new()
    {
        CreatedAfter = End.AddDays(-7),
        CreatedBefore = End,
        PageSize = limit,
        SortOrder = sortOrder,
    };

    private static async Task DrainAsync(OperationBucket bucket, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(TimeSpan.Zero, await bucket.AcquireAsync(null, CancellationToken.None));
        }
    }

    // Timers that fire late by a set amount, on the fake clock.
    private sealed class LateTimers(FakeTimeProvider clock) : TimeProvider
    {
        public TimeSpan Lateness { get; set; }

        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override long GetTimestamp() => clock.GetTimestamp();

        public override long TimestampFrequency => clock.TimestampFrequency;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            clock.CreateTimer(callback, state, dueTime + Lateness, period);
    }
}
