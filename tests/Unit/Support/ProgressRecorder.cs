namespace SpApi.Tests.Support;

/// <summary>An IProgress that keeps the reports (those <c>keep</c> accepts), safe to read while the work still reports.</summary>
public sealed class ProgressRecorder<T>(Func<T, bool>? keep = null) : IProgress<T>
{
    private readonly List<T> reports = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> waiters = new();

    public IReadOnlyList<T> Reports
    {
        get
        {
            lock (reports)
            {
                return reports.ToArray();
            }
        }
    }

    public void Report(T value)
    {
        if (keep is null || keep(value))
        {
            lock (reports)
            {
                reports.Add(value);
                foreach (var waiter in waiters.Where(w => reports.Count >= w.Count).ToList())
                {
                    waiter.Reached.TrySetResult();
                    waiters.Remove(waiter);
                }
            }
        }
    }

    /// <summary>Completes once the work has made <paramref name="count"/> reports: on a fake clock, the sign that it waits for the clock. Fails if they never come.</summary>
    public Task WhenReported(int count)
    {
        lock (reports)
        {
            if (reports.Count >= count)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, waiter));
            return waiter.Task.Within();
        }
    }
}
