using System.Management.Automation;
using SpApi.Core.Connection;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>Gets the session's default SP-API connection; outputs nothing when there is none.</summary>
[Cmdlet(VerbsCommon.Get, "SpApiConnection", HelpUri = HelpLinks.Root + "Get-SpApiConnection.md")]
[OutputType(typeof(SpApiConnection))]
public sealed class GetSpApiConnectionCommand : SpApiCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (SpApiSession.Current is { } connection)
        {
            WriteObject(connection);
        }
    }
}
