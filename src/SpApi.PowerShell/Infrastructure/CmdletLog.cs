using SpApi.Core.Diagnostics;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>Turns Core diagnostic events into WriteVerbose / WriteDebug calls on the pipeline thread.</summary>
internal sealed class CmdletLog : ISpApiLog
{
    private readonly Action<SpApiLogEvent> post;

    public CmdletLog(Action<SpApiLogEvent> post) => this.post = post;

    public void Write(SpApiLogEvent logEvent) => post(logEvent);
}
