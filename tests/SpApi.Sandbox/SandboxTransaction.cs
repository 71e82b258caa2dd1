namespace SpApi.Sandbox;

/// <summary>An accepted invoice submission, and the outcome its status reads end in.</summary>
public sealed class SandboxTransaction
{
    private int reads;

    internal SandboxTransaction(string transactionId, SubmissionApi api, IReadOnlyList<string> invoiceIds, IReadOnlyList<SandboxError> errors)
    {
        TransactionId = transactionId;
        Api = api;
        InvoiceIds = invoiceIds;
        Errors = errors;
    }

    /// <summary>The id returned by the submission, such as 20260313111624-8a3b6901-ef20-412f-9270-21c021796605.</summary>
    public string TransactionId { get; }

    /// <summary>The API that accepted it; only that API's status operations know it.</summary>
    public SubmissionApi Api { get; }

    /// <summary>The submitted invoices' ids: Retail id, DF invoiceNumber.</summary>
    public IReadOnlyList<string> InvoiceIds { get; }

    /// <summary>Why processing fails; empty when the transaction ends in Success.</summary>
    public IReadOnlyList<SandboxError> Errors { get; }

    /// <summary>How often its status has been read.</summary>
    public int StatusReads => Volatile.Read(ref reads);

    /// <summary>Counts a status read and returns its status: Processing for the first <paramref name="processingReads"/> reads, then Success or Failure.</summary>
    internal string ReadStatus(int processingReads) =>
        Interlocked.Increment(ref reads) <= processingReads ? "Processing" : Errors.Count == 0 ? "Success" : "Failure";
}
