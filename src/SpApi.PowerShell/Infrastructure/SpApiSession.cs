using System.Management.Automation;
using SpApi.Core.Connection;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>
/// The default connection of each runspace, set by Connect-SpApi and used when -Connection is not given.
/// It belongs to the runspace that runs the command: ForEach-Object -Parallel, Start-ThreadJob and
/// [powershell]::Create() run their own runspaces, and one runspace's Connect-SpApi must not make another
/// account the default of the others. What is shared on purpose (LWA tokens, RDTs, rate buckets) is keyed by
/// account in Core and stays process-wide.
/// </summary>
/// <remarks>
/// Held in a global variable of the runspace, so it goes wherever the runspace's variables go: a new runspace
/// starts without one, and ForEach-Object -Parallel, which reuses runspaces and resets their variables between
/// iterations, hands no iteration the default of an earlier one. Global, not a module variable, so
/// Import-Module -Force keeps it, as it keeps the shared caches. Read and written on the runspace's pipeline
/// thread only (Runspace.DefaultRunspace is that thread's).
/// </remarks>
internal static class SpApiSession
{
    /// <summary>The variable, $global:SpApiDefaultConnection, that holds the default.</summary>
    public const string VariableName = "SpApiDefaultConnection";

    private const string Global = "global:" + VariableName;

    /// <summary>The default connection of the runspace whose session state this is, if any.</summary>
    public static SpApiConnection? Current(SessionState state) =>
        state.PSVariable.GetValue(Global) is { } value ? (value is PSObject wrapped ? wrapped.BaseObject : value) as SpApiConnection : null;

    /// <summary>
    /// As <see cref="Current(SessionState)"/>, for an argument completer, which is given no session state: it reads
    /// the running runspace's through a script block, on the pipeline thread that runs the completion.
    /// </summary>
    public static SpApiConnection? CurrentForCompletion() =>
        ScriptBlock.Create("$ExecutionContext.SessionState").InvokeReturnAsIs() is { } state
            ? Current((SessionState)(state is PSObject wrapped ? wrapped.BaseObject : state))
            : null;

    /// <summary>
    /// Makes the connection this runspace's default. The one it replaces stays open: a script may still hold
    /// it and pass it as -Connection (one script, several accounts); Disconnect-SpApi closes it.
    /// </summary>
    public static void SetDefault(SessionState state, SpApiConnection connection) => state.PSVariable.Set(Global, connection);

    /// <summary>Leaves this runspace without a default if <paramref name="connection"/> (or, when null, any) is it; the connection stays open.</summary>
    public static void Clear(SessionState state, SpApiConnection? connection = null)
    {
        if (Current(state) is { } current && (connection is null || ReferenceEquals(current, connection)))
        {
            state.PSVariable.Remove(Global);
        }
    }

    /// <summary>The connection to use: the one given, else this runspace's default; never a closed one.</summary>
    public static SpApiConnection Resolve(SessionState state, SpApiConnection? explicitConnection)
    {
        var connection = explicitConnection ?? Current(state) ?? throw NotConnected();
        return connection.IsClosed
            ? throw new SpApiNotConnectedException($"The connection to {connection.Endpoint} was closed with Disconnect-SpApi. Run Connect-SpApi again.")
            : connection;
    }

    /// <summary>The failure of a command that needs the default connection when this runspace has none.</summary>
    public static SpApiNotConnectedException NotConnected() =>
        new("There is no SP-API connection in this PowerShell runspace. Run Connect-SpApi first, or pass -Connection "
            + "(each runspace of ForEach-Object -Parallel, Start-ThreadJob or [powershell]::Create() has its own default).");
}

/// <summary>No connection to use, or only a closed one.</summary>
internal sealed class SpApiNotConnectedException : InvalidOperationException
{
    public SpApiNotConnectedException(string message)
        : base(message)
    {
    }
}
