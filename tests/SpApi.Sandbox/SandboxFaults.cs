namespace SpApi.Sandbox;

/// <summary>The faults the sandbox can inject.</summary>
public enum FaultKind
{
    /// <summary>Answer 500 Internal Server Error.</summary>
    InternalServerError,

    /// <summary>Answer 503 Service Unavailable.</summary>
    ServiceUnavailable,

    /// <summary>Answer 429 Too Many Requests, as if the bucket were empty.</summary>
    TooManyRequests,

    /// <summary>Drop the connection without an answer.</summary>
    ConnectionReset,

    /// <summary>Wait before answering normally.</summary>
    Slow,

    /// <summary>Answer 403 "The security token included in the request is expired", whatever the token.</summary>
    ExpiredToken,

    /// <summary>Process the request fully (a submission creates its transaction), then drop the connection without an answer.</summary>
    ResetAfterProcessing,

    /// <summary>Process the request fully, then answer 500 Internal Server Error instead of its real answer.</summary>
    InternalServerErrorAfterProcessing,

    /// <summary>
    /// Answer 302 Found to <see cref="SandboxFaults.RedirectTargetPath"/>, which stands for another host and
    /// records what the client brought there (a token must never follow a redirect).
    /// </summary>
    RedirectElsewhere,

    /// <summary>On "LWA": issue the next access token with an expires_in of 5 seconds (<see cref="SandboxFaults.ShortTokenLifetime"/>).</summary>
    ShortLivedToken,

    /// <summary>On "LWA" or createRestrictedDataToken: issue the next token with a CR/LF and an injected header line in it.</summary>
    ControlCharactersInToken,

    /// <summary>Answer 200 with a chunked body that never ends (until the client hangs up).</summary>
    EndlessBody,

    /// <summary>Answer 200 with a gzip body of about 0.5 MB that expands to 512 MiB of zeros.</summary>
    GzipBomb,

    /// <summary>Answer 400 with a 10 MB error message full of ANSI escapes and control characters.</summary>
    HugeErrorMessage,

    /// <summary>Answer normally but report x-amzn-RateLimit-Limit: 0.0000001 (one request every four months).</summary>
    AbsurdRateLimit,

    /// <summary>
    /// Process the request fully (a submission creates its transaction), then send its 2xx answer with the
    /// last <see cref="SandboxFaults.TruncatedBytes"/> bytes cut off, as a proxy that drops the end of a body.
    /// </summary>
    TruncatedSuccess,

    /// <summary>
    /// Answer 307 Temporary Redirect to <see cref="SandboxFaults.RedirectTargetPath"/>: a client that follows it
    /// would send the same method, body and token there.
    /// </summary>
    TemporaryRedirectElsewhere,

    /// <summary>On getCustomerInvoices: answer an empty page with a new, never-repeated nextToken (inject it with a large count).</summary>
    EndlessEmptyPages,

    /// <summary>On getCustomerInvoices: put a JSON null into the page's customerInvoices list.</summary>
    NullInList,

    /// <summary>On getCustomerInvoice: answer with the invoice of purchase order <see cref="SandboxFaults.OtherPurchaseOrderNumber"/> instead.</summary>
    OtherPurchaseOrder,

    /// <summary>
    /// On getCustomerInvoices: add to the page a second copy, with other content, of an invoice of the
    /// neighbouring page (the previous one, or the next one on the first page), so one purchase order comes on two pages.
    /// </summary>
    ConflictingRepeat,

    /// <summary>On "download": answer 200 application/zip with <see cref="SandboxFaults.CorruptZip"/>, bytes that are not a zip.</summary>
    CorruptZip,

    /// <summary>
    /// On "download": answer 200 application/zip with a valid zip of one entry, <see cref="SandboxFaults.ZipBombEntry"/>,
    /// that expands from about 1 MB to <see cref="SandboxFaults.ZipBombExpandedBytes"/> (1 GiB) of zeros.
    /// </summary>
    ZipBomb,

    /// <summary>On "download": the document's zip with its first invoice's entry a second time, with other content, under the same name.</summary>
    DuplicateZipEntries,

    /// <summary>
    /// On "download": the document's zip with, after its invoices, an entry whose name is
    /// <see cref="SandboxFaults.LongZipEntryName"/>, 300 characters (longer than any file system's 255).
    /// </summary>
    LongZipEntryName,

    /// <summary>
    /// Hold the request, before processing it, until the client hangs up: a request in flight for as long as a test
    /// needs (to stop the command that sent it), with no delay to outlast. Raises the Slow events.
    /// </summary>
    Hang,
}

/// <summary>Faults on demand: the next N matching requests fail in a given way.</summary>
public sealed class SandboxFaults
{
    private readonly object gate = new();
    private static readonly FaultKind[] DefaultRandomKinds = { FaultKind.InternalServerError, FaultKind.ServiceUnavailable, FaultKind.ConnectionReset, FaultKind.Slow };

    private readonly List<Rule> rules = new();

    /// <summary>Where <see cref="FaultKind.RedirectElsewhere"/> sends the client.</summary>
    public const string RedirectTargetPath = "/_sandbox/redirect-target";

    /// <summary>The expires_in of a token issued under <see cref="FaultKind.ShortLivedToken"/>.</summary>
    public static readonly TimeSpan ShortTokenLifetime = TimeSpan.FromSeconds(5);

    /// <summary>What <see cref="FaultKind.ControlCharactersInToken"/> appends to a token: a header injection.</summary>
    public const string InjectedHeader = "\r\nX-Injected: yes";

    /// <summary>How many bytes <see cref="FaultKind.TruncatedSuccess"/> cuts off the end of a body.</summary>
    public const int TruncatedBytes = 5;

    /// <summary>The purchase order whose invoice <see cref="FaultKind.OtherPurchaseOrder"/> answers with.</summary>
    public const string OtherPurchaseOrderNumber = "OTHERPO1";

    /// <summary>The PDF text of the other copy that <see cref="FaultKind.ConflictingRepeat"/> adds.</summary>
    public const string ConflictingPdf = "%PDF-1.4\n% a different copy of an invoice from another page\n%%EOF\n";

    /// <summary>What <see cref="FaultKind.CorruptZip"/> answers: a zip's local-header signature, then no central directory.</summary>
    public static readonly byte[] CorruptZip = { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef };

    /// <summary>The one entry of the <see cref="FaultKind.ZipBomb"/> zip.</summary>
    public const string ZipBombEntry = "bomb.xml";

    /// <summary>How far the <see cref="FaultKind.ZipBomb"/> entry expands: 1 GiB.</summary>
    public const long ZipBombExpandedBytes = 1L << 30;

    /// <summary>The entry name <see cref="FaultKind.LongZipEntryName"/> adds: 296 characters and ".xml".</summary>
    public static readonly string LongZipEntryName = new string('n', 296) + ".xml";

    /// <summary>What <see cref="FaultKind.AbsurdRateLimit"/> reports.</summary>
    public const string AbsurdRateLimit = "0.0000001";

    private Random? random;
    private double randomRate;
    private FaultKind[] randomKinds = DefaultRandomKinds;

    /// <summary>How long a Slow fault waits, unless the client hangs up first.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Raised, on a server thread, when a Slow fault starts holding a request, with its operation: the
    /// moment a test acts on a request in flight (cancels it, or moves a fake client clock past its timeout).
    /// </summary>
    public event Action<string>? SlowStarted;

    /// <summary>
    /// Raised, on a server thread, when a Slow fault lets go of a request, with its operation and whether the
    /// client hung up first (true) or waited out <see cref="SlowDelay"/> (false).
    /// </summary>
    public event Action<string, bool>? SlowEnded;

    /// <summary>
    /// Makes a share of all requests (0 to 1) fail at random, reproducibly for a given seed, in one of
    /// <paramref name="kinds"/>: by default 500, 503 or a reset before processing, or a slow answer.
    /// Faults injected with <see cref="Inject"/> come first.
    /// </summary>
    public void InjectRandomly(double rate, int seed, IReadOnlyCollection<FaultKind>? kinds = null)
    {
        if (kinds is { Count: 0 })
        {
            throw new ArgumentException("Give at least one fault kind, or none for the default ones.", nameof(kinds));
        }

        lock (gate)
        {
            randomRate = rate;
            random = new Random(seed);
            randomKinds = kinds?.ToArray() ?? DefaultRandomKinds;
        }
    }

    /// <summary>Makes the next <paramref name="count"/> requests of the operation (any operation when null, "LWA" for the token endpoint) fail.</summary>
    public void Inject(FaultKind kind, int count = 1, string? operation = null)
    {
        lock (gate)
        {
            rules.Add(new Rule(kind, operation) { Remaining = count });
        }
    }

    /// <summary>Removes every pending fault and stops random ones.</summary>
    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
            random = null;
        }
    }

    // The Slow and Hang faults: hold the request until the delay passes (never, for Hang) or the client hangs up.
    internal async Task HoldAsync(string operation, TimeSpan delay, CancellationToken aborted)
    {
        SlowStarted?.Invoke(operation);
        try
        {
            await Task.Delay(delay, aborted);
        }
        catch (OperationCanceledException)
        {
            SlowEnded?.Invoke(operation, true);
            throw;
        }

        SlowEnded?.Invoke(operation, false);
    }

    internal FaultKind? Next(string operation)
    {
        lock (gate)
        {
            var rule = rules.FirstOrDefault(r => r.Remaining > 0 && (r.Operation is null || r.Operation == operation));
            if (rule is null)
            {
                return random is not null && random.NextDouble() < randomRate
                    ? randomKinds[random.Next(randomKinds.Length)]
                    : null;
            }

            rule.Remaining--;
            return rule.Kind;
        }
    }

    private sealed record Rule(FaultKind Kind, string? Operation)
    {
        public int Remaining { get; set; }
    }
}
