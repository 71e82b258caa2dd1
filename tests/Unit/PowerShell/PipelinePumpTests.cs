using SpApi.PowerShell.Infrastructure;

namespace SpApi.Tests.PowerShell;

/// <summary>The pump: Core work runs on a worker, and every write happens on the calling (pipeline) thread, as it arrives.</summary>
public sealed class PipelinePumpTests
{
    [Fact]
    public void PostedActionsRunOnTheCallingThreadInOrder()
    {
        var pump = new PipelinePump();
        using var cancellation = new CancellationTokenSource();
        var pipelineThread = Environment.CurrentManagedThreadId;
        var seen = new List<(int Value, int Thread)>();
        int? workerThread = null;

        pump.Run(async () =>
        {
            await Task.Yield();
            workerThread = Environment.CurrentManagedThreadId;
            for (var i = 0; i < 100; i++)
            {
                var value = i;
                pump.Post(() => seen.Add((value, Environment.CurrentManagedThreadId)), cancellation.Token);
            }
        }, cancellation);

        Assert.Equal(Enumerable.Range(0, 100), seen.Select(s => s.Value));
        Assert.All(seen, s => Assert.Equal(pipelineThread, s.Thread));
        Assert.NotEqual(pipelineThread, workerThread);
    }

    [Fact]
    public void TheFirstResultIsWrittenBeforeTheWorkEnds()
    {
        var pump = new PipelinePump();
        using var cancellation = new CancellationTokenSource();
        var release = new TaskCompletionSource();
        var firstWrittenBeforeEnd = false;

        pump.Run(async () =>
        {
            pump.Post(() => { firstWrittenBeforeEnd = !release.Task.IsCompleted; release.SetResult(); }, cancellation.Token);
            await release.Task;
        }, cancellation);

        Assert.True(firstWrittenBeforeEnd);
    }

    [Fact]
    public void AFailingWriteCancelsTheWorkAndIsRethrown()
    {
        var pump = new PipelinePump();
        using var cancellation = new CancellationTokenSource();
        var workSawCancellation = false;

        var error = Assert.Throws<InvalidOperationException>(() => pump.Run(async () =>
        {
            pump.Post(() => throw new InvalidOperationException("pipeline stopped"), cancellation.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                workSawCancellation = true;
            }
        }, cancellation));

        Assert.Equal("pipeline stopped", error.Message);
        Assert.True(workSawCancellation);
    }

    [Fact]
    public void AFailureOfTheWorkIsRethrownOnTheCallingThread()
    {
        var pump = new PipelinePump();
        using var cancellation = new CancellationTokenSource();

        Assert.Throws<TimeoutException>(() => pump.Run(() => Task.FromException(new TimeoutException()), cancellation));
        Assert.False(pump.Post(() => { }, cancellation.Token));
    }
}
