using System.Management.Automation;
using SpApi.Core.Connection;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>Closes a connection (by default the session's) and forgets it as the default.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "SpApi", HelpUri = HelpLinks.Root + "Disconnect-SpApi.md")]
[OutputType(typeof(SpApiConnection))]
public sealed class DisconnectSpApiCommand : SpApiCmdlet
{
    /// <summary>The connection to close; the session default when not given.</summary>
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public SpApiConnection? Connection { get; set; }

    /// <summary>Outputs the closed connection.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var connection = Connection ?? SpApiSession.Current;
        if (connection is null)
        {
            WriteVerbose("There is no SP-API connection to close.");
            return;
        }

        SpApiSession.Clear(connection);
        connection.Dispose();
        if (PassThru)
        {
            WriteObject(connection);
        }
    }
}
