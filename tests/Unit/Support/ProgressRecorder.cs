namespace SpApi.Tests.Support;

/// <summary>An IProgress that keeps the reports (those <c>keep</c> accepts), safe to read while the work still reports.</summary>
public sealed class ProgressRecorder<T>(Func<T, bool>? keep = null) : IProgress<T>
{
    private readonly List<T> reports = new();

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
            }
        }
    }

    /// <summary>Waits until the work has made <paramref name="count"/> reports: on a fake clock, the sign that it waits for the clock.</summary>
    public void WaitFor(int count) =>
        Assert.True(SpinWait.SpinUntil(() => Reports.Count >= count, TimeSpan.FromSeconds(10)), $"expected {count} progress report(s), got {Reports.Count}");
}
