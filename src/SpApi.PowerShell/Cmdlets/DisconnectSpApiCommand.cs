using System.Management.Automation;
using SpApi.Core.Connection;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Closes a connection (by default this runspace's) and forgets it as the default. Closing what is already
/// closed is no error: -Verbose says it was already disconnected.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "SpApi", HelpUri = HelpLinks.Root + "Disconnect-SpApi.md")]
[OutputType(typeof(SpApiConnection))]
public sealed class DisconnectSpApiCommand : SpApiCmdlet
{
    /// <summary>The connection to close; this runspace's default when not given.</summary>
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public SpApiConnection? Connection { get; set; }

    /// <summary>Outputs the closed connection.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var connection = Connection ?? SpApiSession.Current(SessionState);
        if (connection is null)
        {
            WriteVerbose("Already disconnected: this runspace has no default SP-API connection to close.");
            return;
        }

        SpApiSession.Clear(SessionState, connection);
        if (connection.IsClosed)
        {
            WriteVerbose($"Already disconnected: the connection to {connection.Endpoint} as {connection.ClientId} was closed before.");
        }
        else
        {
            connection.Dispose();
            WriteVerbose($"Disconnected from {connection.Endpoint} as {connection.ClientId}.");
        }

        if (PassThru)
        {
            WriteObject(connection);
        }
    }
}
