namespace SpApi.PowerShell.Infrastructure;

/// <summary>
/// An IProgress that calls back at once on the reporting thread. System.Progress would post to a
/// synchronization context that PowerShell's pipeline thread does not have.
/// </summary>
internal sealed class Reporter<T> : IProgress<T>
{
    private readonly Action<T> report;

    public Reporter(Action<T> report) => this.report = report;

    public void Report(T value) => report(value);
}
