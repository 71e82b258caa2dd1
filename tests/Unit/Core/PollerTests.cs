using SpApi.Core.Polling;
using SpApi.Tests.Support;
using Xunit;

namespace SpApi.Tests.Core;

/// <summary>The one poller of the transaction wait and the export receive, on a fake clock: interval, timeout, cancellation.</summary>
public sealed class PollerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TheNextCheckComesAfterOneIntervalAndNotBefore()
    {
        var time = new FakeTimeProvider();
        var poller = new Poller(time, Interval, null);

        var next = poller.WaitForNextCheckAsync(null, CancellationToken.None);
        time.Advance(Interval - TimeSpan.FromSeconds(1));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(await next.Within());
        Assert.Equal(Interval, poller.Elapsed);
    }

    [Fact]
    public async Task TheScheduledReportHearsTheTimeElapsedBeforeTheWait()
    {
        var time = new FakeTimeProvider();
        var poller = new Poller(time, Interval, null);
        time.Advance(TimeSpan.FromSeconds(3));
        TimeSpan? heard = null;

        var next = poller.WaitForNextCheckAsync(elapsed => heard = elapsed, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(3), heard);
        time.Advance(Interval);
        await next.Within();
    }

    [Fact]
    public async Task NoWaitIsStartedWhenTheNextCheckWouldPassTheTimeout()
    {
        var time = new FakeTimeProvider();
        var poller = new Poller(time, Interval, TimeSpan.FromSeconds(25));
        var scheduled = 0;

        var first = poller.WaitForNextCheckAsync(_ => scheduled++, CancellationToken.None);
        time.Advance(Interval);
        Assert.True(await first.Within());
        var second = poller.WaitForNextCheckAsync(_ => scheduled++, CancellationToken.None);
        time.Advance(Interval);
        Assert.True(await second.Within());

        // 20 s elapsed: a check at 30 s would come after the 25 s timeout.
        Assert.False(await poller.WaitForNextCheckAsync(_ => scheduled++, CancellationToken.None).Within());
        Assert.Equal(2, scheduled);
    }

    [Fact]
    public async Task CancellingEndsTheWait()
    {
        var time = new FakeTimeProvider();
        var poller = new Poller(time, Interval, null);
        using var cancellation = new CancellationTokenSource();

        var next = poller.WaitForNextCheckAsync(null, cancellation.Token);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.Within());
    }

    [Theory]
    [InlineData(0, null, "PollIntervalSec")]
    [InlineData(10, 0, "TimeoutSec")]
    public void ANonPositiveIntervalOrTimeoutIsRefusedWithTheCmdletsParameter(int intervalSeconds, int? timeoutSeconds, string parameter)
    {
        var timeout = timeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Poller(new FakeTimeProvider(), TimeSpan.FromSeconds(intervalSeconds), timeout));

        Assert.Equal(parameter, error.ParamName);
    }
}
