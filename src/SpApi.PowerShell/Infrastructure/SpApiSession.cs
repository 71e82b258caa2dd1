using SpApi.Core.Connection;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>The session's default connection, set by Connect-SpApi and used when -Connection is not given.</summary>
internal static class SpApiSession
{
    private static SpApiConnection? current;

    public static SpApiConnection? Current => Volatile.Read(ref current);

    /// <summary>
    /// Makes the connection the default. The one it replaces stays open: a script may still hold it
    /// and pass it as -Connection (one script, several accounts); Disconnect-SpApi closes it.
    /// </summary>
    public static void SetDefault(SpApiConnection connection) => Volatile.Write(ref current, connection);

    /// <summary>Removes the connection if it is the default.</summary>
    public static void Clear(SpApiConnection connection) => Interlocked.CompareExchange(ref current, null, connection);

    public static SpApiConnection Resolve(SpApiConnection? explicitConnection)
    {
        var connection = explicitConnection ?? Current
            ?? throw new SpApiNotConnectedException("There is no SP-API connection. Run Connect-SpApi first, or pass -Connection.");
        return connection.IsClosed
            ? throw new SpApiNotConnectedException($"The connection to {connection.Endpoint} was closed with Disconnect-SpApi. Run Connect-SpApi again.")
            : connection;
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
