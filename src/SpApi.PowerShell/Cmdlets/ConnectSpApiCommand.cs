using System.Management.Automation;
using SpApi.Core.Connection;
using SpApi.PowerShell.Completers;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Connects to SP-API: resolves the credentials (parameters, a profile, or the SPAPI_* environment
/// variables), proves them by fetching an access token, and makes the connection the default of this
/// runspace (each runspace of ForEach-Object -Parallel or Start-ThreadJob has its own). A connect that fails
/// leaves the runspace without a default.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "SpApi", DefaultParameterSetName = ParameterSets.Environment, HelpUri = HelpLinks.Root + "Connect-SpApi.md")]
[OutputType(typeof(SpApiConnection))]
public sealed class ConnectSpApiCommand : ConnectionParametersCmdlet
{
    /// <summary>A profile saved with Save-SpApiProfile. A profile that does not exist is an error.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParameterSets.Profile)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProfileNameCompleter))]
    public string? ProfileName { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        // The account this runspace had stops being the default now, so that a script that goes on after a failed
        // connect gets SpApiNotConnected, not the earlier account's data. The earlier connection stays open.
        SpApiSession.Clear(SessionState);

        // Bad parameters, a missing profile, or a profile file that cannot be read.
        var resolved = OrTerminate(() => ConnectionResolver.Resolve(BuildRequest(ProfileName), ReadEnvironment), ErrorIds.InvalidConnectionParameter);

        var connection = RunCoreOrTerminate(
            (_, ct) => SpApiConnection.ConnectAsync(resolved, ct), ErrorIds.InvalidConnectionParameter, resolved.Endpoint);

        WriteVerbose($"Connected to {connection.Endpoint} as {connection.ClientId} (credentials from {connection.Source}); it is now the default connection of this runspace.");
        SpApiSession.SetDefault(SessionState, connection);
        WriteObject(connection);
    }
}
