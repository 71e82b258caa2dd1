namespace SpApi.Core.Ledger;

/// <summary>The ledger cannot be read or written: nothing is sent, and the file is left as it is.</summary>
public sealed class SubmissionLedgerException : IOException
{
    /// <summary>Creates the exception.</summary>
    public SubmissionLedgerException(string path, string problem, Exception? innerException = null)
        : base($"The submission ledger {path} {problem} Nothing was sent and the file was not changed. Move the file aside (or repair the line) to start a new ledger, or pass -NoLedger to submit without one.", innerException)
    {
        Path = path;
    }

    /// <summary>The ledger file.</summary>
    public string Path { get; }
}
