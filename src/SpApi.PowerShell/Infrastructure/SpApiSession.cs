using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using SpApi.Core.Connection;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>
/// The default connection of each runspace, set by Connect-SpApi and used when -Connection is not given.
/// It belongs to the runspace that runs the command: ForEach-Object -Parallel, Start-ThreadJob and
/// [powershell]::Create() run their own runspaces, and one runspace's Connect-SpApi must not make another
/// account the default of the others. A new runspace starts with none. What is shared on purpose (LWA
/// tokens, RDTs, rate buckets) is keyed by account in Core and stays process-wide.
/// </summary>
/// <remarks>
/// Keyed by the <see cref="Runspace"/> object, weakly, so an entry goes when its runspace does. Not a module
/// variable: the cmdlet assembly lives as long as the process, so Import-Module -Force keeps the
/// connection, as it keeps the shared caches.
/// </remarks>
internal static class SpApiSession
{
    private static readonly ConditionalWeakTable<Runspace, Slot> Defaults = new();

    /// <summary>The default connection of the runspace running the command, if any.</summary>
    public static SpApiConnection? Current =>
        Runspace.DefaultRunspace is { } runspace && Defaults.TryGetValue(runspace, out var slot) ? Volatile.Read(ref slot.Connection) : null;

    /// <summary>
    /// Makes the connection this runspace's default. The one it replaces stays open: a script may still hold
    /// it and pass it as -Connection (one script, several accounts); Disconnect-SpApi closes it.
    /// </summary>
    public static void SetDefault(SpApiConnection connection) => Volatile.Write(ref SlotOfThisRunspace().Connection, connection);

    /// <summary>Leaves this runspace without a default; the connection that was it stays open.</summary>
    public static void ClearDefault()
    {
        if (Runspace.DefaultRunspace is { } runspace && Defaults.TryGetValue(runspace, out var slot))
        {
            Volatile.Write(ref slot.Connection, null);
        }
    }

    /// <summary>Removes the connection if it is this runspace's default.</summary>
    public static void Clear(SpApiConnection connection)
    {
        if (Runspace.DefaultRunspace is { } runspace && Defaults.TryGetValue(runspace, out var slot))
        {
            Interlocked.CompareExchange(ref slot.Connection, null, connection);
        }
    }

    /// <summary>The connection to use: the one given, else this runspace's default; never a closed one.</summary>
    public static SpApiConnection Resolve(SpApiConnection? explicitConnection)
    {
        var connection = explicitConnection ?? Current ?? throw NotConnected();
        return connection.IsClosed
            ? throw new SpApiNotConnectedException($"The connection to {connection.Endpoint} was closed with Disconnect-SpApi. Run Connect-SpApi again.")
            : connection;
    }

    /// <summary>The failure of a command that needs the default connection when this runspace has none.</summary>
    public static SpApiNotConnectedException NotConnected() =>
        new("There is no SP-API connection in this PowerShell runspace. Run Connect-SpApi first, or pass -Connection "
            + "(each runspace of ForEach-Object -Parallel, Start-ThreadJob or [powershell]::Create() has its own default).");

    private static Slot SlotOfThisRunspace() =>
        // PowerShell sets the thread's default runspace for every pipeline it runs; the cmdlets call this from there.
        Defaults.GetValue(
            Runspace.DefaultRunspace ?? throw new InvalidOperationException("SpApi's connection cmdlets must run in a PowerShell runspace."),
            _ => new Slot());

    private sealed class Slot
    {
        // A field, so Clear can compare and exchange it; written from the runspace's pipeline thread.
        public SpApiConnection? Connection;
    }
}

/// <summary>No connection to use, or only a closed one.</summary>
internal sealed class SpApiNotConnectedException : InvalidOperationException
{
    public SpApiNotConnectedException(string message)
        : base(message)
    {
    }
}
