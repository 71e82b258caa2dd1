namespace SpApi.Core.Diagnostics;

/// <summary>
/// Routes the events of one logical call (one cmdlet invocation, one test) to its own log, while
/// the connection and its client live on. The scope flows with async calls.
/// </summary>
public static class SpApiLogScope
{
    private static readonly AsyncLocal<ISpApiLog?> Current = new();

    /// <summary>Sends the events of the calls made inside the returned scope to <paramref name="log"/>.</summary>
    public static IDisposable Begin(ISpApiLog log)
    {
        var previous = Current.Value;
        Current.Value = log;
        return new Restore(previous);
    }

    /// <summary>Writes an event to the client's own log and to the current scope's log.</summary>
    internal static void Write(ISpApiLog? configured, SpApiLogEvent logEvent)
    {
        configured?.Write(logEvent);
        var scoped = Current.Value;
        if (scoped is not null && !ReferenceEquals(scoped, configured))
        {
            scoped.Write(logEvent);
        }
    }

    private sealed class Restore : IDisposable
    {
        private readonly ISpApiLog? previous;

        public Restore(ISpApiLog? previous) => this.previous = previous;

        public void Dispose() => Current.Value = previous;
    }
}
