using System.Management.Automation;
using SpApi.Core.Connection;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Gets the default SP-API connection of this runspace. Without one it writes the non-terminating error
/// SpApiNotConnected, as Get- cmdlets report what they cannot find; -ErrorAction SilentlyContinue makes it a test.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SpApiConnection", HelpUri = HelpLinks.Root + "Get-SpApiConnection.md")]
[OutputType(typeof(SpApiConnection))]
public sealed class GetSpApiConnectionCommand : SpApiCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (SpApiSession.Current(SessionState) is { } connection)
        {
            WriteObject(connection);
        }
        else
        {
            WriteError(ToErrorRecord(SpApiSession.NotConnected(), ErrorIds.SpApiNotConnected, target: null));
        }
    }
}
