using System.Management.Automation;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>What Core work may write while it runs; every call is carried out on the pipeline thread.</summary>
internal sealed class PipelineWriter
{
    private readonly Cmdlet cmdlet;
    private readonly PipelinePump pump;
    private readonly CancellationToken cancellationToken;

    public PipelineWriter(Cmdlet cmdlet, PipelinePump pump, CancellationToken cancellationToken)
    {
        this.cmdlet = cmdlet;
        this.pump = pump;
        this.cancellationToken = cancellationToken;
    }

    public void Object(object value) => pump.Post(() => cmdlet.WriteObject(value), cancellationToken);

    public void Warning(string message) => pump.Post(() => cmdlet.WriteWarning(message), cancellationToken);

    public void Error(ErrorRecord record) => pump.Post(() => cmdlet.WriteError(record), cancellationToken);

    /// <summary>Runs any other pipeline-thread work, such as updating the cmdlet's progress record.</summary>
    public void Run(Action action) => pump.Post(action, cancellationToken);
}
