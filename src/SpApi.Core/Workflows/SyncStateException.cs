namespace SpApi.Core.Workflows;

/// <summary>
/// The sync state file cannot be used: it is not the JSON Sync-SpCustomerInvoice writes, it has no high-water
/// mark, or its mark is not before now (a clock that was wrong, a file copied from elsewhere). Nothing was read or
/// written; the message names the file and says how to go on.
/// </summary>
public sealed class SyncStateException : Exception
{
    /// <summary>Creates the exception for the state file at <paramref name="path"/>.</summary>
    public SyncStateException(string path, string problem, Exception? innerException = null)
        : base($"The sync state file {path} {problem} Delete it and run again with -Since to choose where to start.", innerException)
    {
        Path = path;
    }

    /// <summary>The state file.</summary>
    public string Path { get; }
}
