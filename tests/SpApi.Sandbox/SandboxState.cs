namespace SpApi.Sandbox;

/// <summary>The live state of a sandbox server, shared by its endpoints and readable by tests.</summary>
public sealed class SandboxState
{
    internal SandboxState(SandboxOptions options)
    {
        Options = options;
        Buckets = new SandboxBuckets(options);
        ExpiredUrlsLeft = options.ExpiredDocumentUrls;
        Transactions = new SandboxTransactions(Counters);
        ExportJobs = new SandboxExportJobs(options.Exports, options.TaxInvoices);
        Tokens = new SandboxTokens(options.TimeProvider);
    }

    // Counts down the document URLs still to be issued expired (SandboxOptions.ExpiredDocumentUrls).
    internal int ExpiredUrlsLeft;

    /// <summary>The options the server runs with; tests may change them between calls.</summary>
    public SandboxOptions Options { get; }

    /// <summary>What crossed the wire.</summary>
    public SandboxCounters Counters { get; } = new();

    /// <summary>Faults on demand.</summary>
    public SandboxFaults Faults { get; } = new();

    /// <summary>Issued tokens.</summary>
    public SandboxTokens Tokens { get; }

    /// <summary>The exports it started with and those requested with createInvoicesExport.</summary>
    public SandboxExportJobs ExportJobs { get; }

    /// <summary>The government invoice requests received with createGovernmentInvoice.</summary>
    public SandboxGovernmentInvoices GovernmentInvoices { get; } = new();

    /// <summary>The invoice submissions accepted, and the invoice ids each API has seen.</summary>
    public SandboxTransactions Transactions { get; }

    internal SandboxBuckets Buckets { get; }

    /// <summary>Clears counters, faults, buckets, transactions and the invoice ids seen (tokens stay valid).</summary>
    public void Reset()
    {
        Counters.Reset();
        Transactions.Clear();
        Faults.Clear();
        Buckets.Clear();
    }
}
