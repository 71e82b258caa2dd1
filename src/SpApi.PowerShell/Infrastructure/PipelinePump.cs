using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>
/// Runs async Core work on a worker while the pipeline thread executes everything the work posts
/// (WriteObject, WriteVerbose, WriteProgress...). PowerShell allows Write* only on the pipeline thread,
/// and results reach the pipeline as they arrive instead of being collected first.
/// </summary>
internal sealed class PipelinePump
{
    // Bounded, so a slow downstream command slows the producer instead of filling memory.
    private readonly BlockingCollection<Action> queue = new(boundedCapacity: 256);

    // Touched on the pipeline thread only, by the posted diagnostic actions and then by Run.
    private ExceptionDispatchInfo? hostUnavailable;

    /// <summary>
    /// Queues an action for the pipeline thread; called from worker threads. Returns false when the
    /// pump has finished (a late diagnostic event from a shared token fetch, say), and the action is dropped.
    /// </summary>
    public bool Post(Action action, CancellationToken cancellationToken)
    {
        try
        {
            return queue.TryAdd(action, Timeout.Infinite, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Queues a diagnostic line (WriteDebug, WriteVerbose). If the host cannot show it (Windows PowerShell's
    /// -Debug prompts, and a non-interactive session cannot), the work goes on without diagnostics, so its
    /// own outcome (a 404, say) is the one reported; the host's failure is rethrown only if the work succeeds.
    /// </summary>
    public bool PostDiagnostic(Action write, CancellationToken cancellationToken) => Post(
        () =>
        {
            if (hostUnavailable is not null)
            {
                return;
            }

            try
            {
                write();
            }
            catch (Exception ex) when (PowerShellFailure.IsHostUnavailable(ex))
            {
                hostUnavailable = ExceptionDispatchInfo.Capture(ex);
            }
        },
        cancellationToken);

    /// <summary>
    /// Runs the work and executes posted actions on the calling (pipeline) thread until the work ends.
    /// If an action throws (the pipeline was stopped downstream), the work is cancelled and the exception rethrown.
    /// </summary>
    public void Run(Func<Task> work, CancellationTokenSource cancellation)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        try
        {
            foreach (var action in queue.GetConsumingEnumerable())
            {
                action();
            }
        }
        catch
        {
            cancellation.Cancel();
            WaitQuietly(task);
            throw;
        }

        task.GetAwaiter().GetResult();
        hostUnavailable?.Throw();
    }

    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // The caller's exception is the one that matters.
        }
    }
}
