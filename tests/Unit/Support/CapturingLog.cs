using System.Collections.Concurrent;
using SpApi.Core.Diagnostics;

namespace SpApi.Tests.Support;

/// <summary>Keeps every diagnostic event, for assertions, and tells a test when an awaited one arrives.</summary>
public sealed class CapturingLog : ISpApiLog
{
    private readonly ConcurrentQueue<SpApiLogEvent> events = new();
    private readonly List<(Func<SpApiLogEvent, bool> Match, TaskCompletionSource<SpApiLogEvent> Logged)> waiters = new();

    public IReadOnlyList<SpApiLogEvent> Events => events.ToArray();

    public void Write(SpApiLogEvent logEvent)
    {
        events.Enqueue(logEvent);
        lock (waiters)
        {
            foreach (var waiter in waiters.Where(w => w.Match(logEvent)).ToList())
            {
                waiter.Logged.TrySetResult(logEvent);
                waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Completes with the first event, already logged or still to come, that matches; fails if none comes.</summary>
    public Task<SpApiLogEvent> WhenLogged(Func<SpApiLogEvent, bool> match)
    {
        lock (waiters)
        {
            if (events.FirstOrDefault(match) is { } logged)
            {
                return Task.FromResult(logged);
            }

            var waiter = new TaskCompletionSource<SpApiLogEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((match, waiter));
            return waiter.Task.Within();
        }
    }

    public IEnumerable<SpApiLogEvent> Of(SpApiLogKind kind) => Events.Where(e => e.Kind == kind);

    public string AllText() => string.Join("\n", Events.Select(e => e.ToString()));
}
