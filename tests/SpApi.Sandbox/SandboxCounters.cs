using System.Collections.Concurrent;

namespace SpApi.Sandbox;

/// <summary>What crossed the wire, for tests to assert on. Thread-safe.</summary>
public sealed class SandboxCounters
{
    private readonly ConcurrentDictionary<string, int> byOperation = new(StringComparer.Ordinal);
    private int requests;
    private int throttled;
    private int accessTokens;
    private int restrictedDataTokens;
    private int faults;
    private int downloads;
    private int invoicesReceived;
    private int duplicateInvoices;
    private int redirectTargetHits;
    private int tokensAtRedirectTarget;

    /// <summary>Raised, on a server thread, for each SP-API request received, with its operation name, once counted.</summary>
    public event Action<string>? RequestReceived;

    /// <summary>SP-API requests received (not counting LWA and control calls).</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <summary>429 answers sent.</summary>
    public int Throttled => Volatile.Read(ref throttled);

    /// <summary>Access tokens issued by the LWA endpoint.</summary>
    public int AccessTokensIssued => Volatile.Read(ref accessTokens);

    /// <summary>Restricted data tokens issued by the Tokens API.</summary>
    public int RestrictedDataTokensIssued => Volatile.Read(ref restrictedDataTokens);

    /// <summary>Faults injected.</summary>
    public int FaultsInjected => Volatile.Read(ref faults);

    /// <summary>Document downloads served (expired ones not counted).</summary>
    public int DocumentDownloads => Volatile.Read(ref downloads);

    /// <summary>Invoices in the submissions the invoice APIs accepted (202), whatever their outcome.</summary>
    public int InvoicesReceived => Volatile.Read(ref invoicesReceived);

    /// <summary>
    /// Invoice ids, per API, accepted in more than one submission: each counts once however often it came
    /// again. Anything but 0 means a submission was sent twice.
    /// </summary>
    public int DuplicateInvoiceSubmissions => Volatile.Read(ref duplicateInvoices);

    /// <summary>Requests that followed a <see cref="FaultKind.RedirectElsewhere"/> redirect to its target.</summary>
    public int RedirectTargetHits => Volatile.Read(ref redirectTargetHits);

    /// <summary>Of those, the ones that brought an x-amz-access-token along: anything but 0 is a leaked credential.</summary>
    public int TokensAtRedirectTarget => Volatile.Read(ref tokensAtRedirectTarget);

    /// <summary>SP-API requests received for one operation name, for example getCustomerInvoices.</summary>
    public int RequestsFor(string operationName) => byOperation.TryGetValue(operationName, out var n) ? n : 0;

    /// <summary>A snapshot for the control endpoint.</summary>
    public object Snapshot() => new
    {
        requests = Requests,
        throttled = Throttled,
        accessTokensIssued = AccessTokensIssued,
        restrictedDataTokensIssued = RestrictedDataTokensIssued,
        faultsInjected = FaultsInjected,
        documentDownloads = DocumentDownloads,
        invoicesReceived = InvoicesReceived,
        duplicateInvoiceSubmissions = DuplicateInvoiceSubmissions,
        redirectTargetHits = RedirectTargetHits,
        byOperation = byOperation.ToDictionary(p => p.Key, p => p.Value),
    };

    internal void Request(string operation)
    {
        Interlocked.Increment(ref requests);
        byOperation.AddOrUpdate(operation, 1, (_, n) => n + 1);
        RequestReceived?.Invoke(operation);
    }

    internal void Throttle() => Interlocked.Increment(ref throttled);

    internal void AccessToken() => Interlocked.Increment(ref accessTokens);

    internal void RestrictedDataToken() => Interlocked.Increment(ref restrictedDataTokens);

    internal void Fault() => Interlocked.Increment(ref faults);

    internal void Download() => Interlocked.Increment(ref downloads);

    internal void InvoicesAccepted(int count) => Interlocked.Add(ref invoicesReceived, count);

    internal void DuplicateInvoice() => Interlocked.Increment(ref duplicateInvoices);

    internal void Reset()
    {
        requests = throttled = accessTokens = restrictedDataTokens = faults = downloads = invoicesReceived = duplicateInvoices = 0;
        byOperation.Clear();
    }

    internal void RedirectTargetHit(bool broughtToken)
    {
        Interlocked.Increment(ref redirectTargetHits);
        if (broughtToken)
        {
            Interlocked.Increment(ref tokensAtRedirectTarget);
        }
    }
}
