using SpApi.Sandbox;

namespace SpApi.Tests.Support;

/// <summary>
/// The sandbox's events as tasks, so a test waits for the moment it acts on (a request held, counted or
/// let go) instead of polling for it. Each task fails with a TimeoutException if its event never comes.
/// </summary>
public static class Signals
{
    // Only a broken build waits this long: it turns a hang into a failure. A passing test never comes near it.
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    /// <summary>Awaits the task, failing with a TimeoutException if it hangs.</summary>
    public static Task Within(this Task task) => task.WaitAsync(HangLimit);

    /// <summary>Awaits the task, failing with a TimeoutException if it hangs.</summary>
    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(HangLimit);

    /// <summary>Completes when a Slow fault next starts holding a request of the operation.</summary>
    public static Task NextSlowStart(this SandboxFaults faults, string operation)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Action<string>? handler = null;
        handler = o =>
        {
            if (o == operation && started.TrySetResult())
            {
                faults.SlowStarted -= handler;
            }
        };
        faults.SlowStarted += handler;
        return started.Task.Within();
    }

    /// <summary>Completes when a Slow fault next lets go of a request of the operation: true when the client hung up first.</summary>
    public static Task<bool> NextSlowEnd(this SandboxFaults faults, string operation)
    {
        var ended = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Action<string, bool>? handler = null;
        handler = (o, hungUp) =>
        {
            if (o == operation && ended.TrySetResult(hungUp))
            {
                faults.SlowEnded -= handler;
            }
        };
        faults.SlowEnded += handler;
        return ended.Task.Within();
    }

    /// <summary>Completes once the server has received <paramref name="count"/> requests of the operation.</summary>
    public static Task RequestsReach(this SandboxCounters counters, string operation, int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Action<string>? handler = null;
        handler = o =>
        {
            if (o == operation && counters.RequestsFor(operation) >= count && reached.TrySetResult())
            {
                counters.RequestReceived -= handler;
            }
        };
        counters.RequestReceived += handler;
        // The count may have been reached before the handler was in place.
        handler(operation);
        return reached.Task.Within();
    }
}
