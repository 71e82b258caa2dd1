using System.Collections.Concurrent;
using SpApi.Core.Diagnostics;

namespace SpApi.Tests.Support;

/// <summary>Keeps every diagnostic event, for assertions.</summary>
public sealed class CapturingLog : ISpApiLog
{
    private readonly ConcurrentQueue<SpApiLogEvent> events = new();

    public IReadOnlyList<SpApiLogEvent> Events => events.ToArray();

    public void Write(SpApiLogEvent logEvent) => events.Enqueue(logEvent);

    public IEnumerable<SpApiLogEvent> Of(SpApiLogKind kind) => Events.Where(e => e.Kind == kind);

    public string AllText() => string.Join("\n", Events.Select(e => e.ToString()));
}
