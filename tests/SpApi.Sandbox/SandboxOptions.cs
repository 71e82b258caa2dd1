namespace SpApi.Sandbox;

/// <summary>How a sandbox server behaves. The defaults suit a person trying the module.</summary>
public sealed class SandboxOptions
{
    /// <summary>The address to listen on; port 0 picks a free port.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>Multiplies every documented rate, so tests run the real pacing logic quickly.</summary>
    public double RateScale { get; set; } = 1;

    /// <summary>Overrides the enforced and reported rate of operations, by operation key (api/version/name).</summary>
    public Dictionary<string, double> RateOverrides { get; } = new(StringComparer.Ordinal);

    /// <summary>The clock tokens expire by; a test can share a fake one with its client to expire tokens without waiting.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The expires_in of access tokens.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The expiresIn of restricted data tokens.</summary>
    public TimeSpan RestrictedDataTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The app's client id.</summary>
    public string ClientId { get; set; } = SandboxCredentials.ClientId;

    /// <summary>The app's client secret.</summary>
    public string ClientSecret { get; set; } = SandboxCredentials.ClientSecret;

    /// <summary>Refresh tokens the LWA endpoint accepts.</summary>
    public HashSet<string> RefreshTokens { get; } = new(StringComparer.Ordinal) { SandboxCredentials.RefreshToken };

    /// <summary>The customer invoices served by getCustomerInvoices and getCustomerInvoice.</summary>
    public List<SandboxInvoice> CustomerInvoices { get; } = SandboxInvoice.Generate(DateTimeOffset.UtcNow, count: 200, spacing: TimeSpan.FromHours(7));

    /// <summary>The tax invoices (Brazil) served by getInvoices and put into exports.</summary>
    public List<SandboxTaxInvoice> TaxInvoices { get; } = SandboxTaxInvoice.Generate(DateTimeOffset.UtcNow, count: 60, spacing: TimeSpan.FromHours(6));

    /// <summary>How long an export takes: REQUESTED for the first half, PROCESSING for the second, then DONE.</summary>
    public TimeSpan ExportDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a government invoice request stays PROCESSING before it ends in SUCCESS (or ERROR, for the shipments that fail).</summary>
    public TimeSpan GovernmentInvoiceDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many invoices go into one document (zip).</summary>
    public int InvoicesPerDocument { get; set; } = 25;

    /// <summary>How long a document URL works; Amazon's expire after 30 seconds.</summary>
    public TimeSpan DocumentUrlLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many of the next document URLs (export or government invoice) are issued already expired, to exercise renewal.</summary>
    public int ExpiredDocumentUrls { get; set; }

    /// <summary>Adds an incompressible entry of this many bytes to every document, for volume benchmarks.</summary>
    public long BulkEntryBytes { get; set; }

    /// <summary>An extra zip entry name for zip-slip tests, such as ../outside.xml; null for honest zips.</summary>
    public string? MaliciousZipEntry { get; set; }

    /// <summary>Exports the sandbox starts with, one a day over the last 12 days, every fourth of them failed.</summary>
    public List<SandboxExport> Exports { get; } = Enumerable.Range(1, 12)
        .Select(i => new SandboxExport($"EXPORT{i:D4}", DateTimeOffset.UtcNow.AddDays(-i), i % 4 == 0 ? "ERROR" : null))
        .ToList();

    /// <summary>The invoices Amazon has recorded, served by the Finances Invoices operations, and their clock.</summary>
    public SandboxFinancesInvoices FinancesInvoices { get; } = new();

    /// <summary>How createdAfter and createdBefore treat an invoice exactly on them; Amazon does not say.</summary>
    public BoundaryMode CustomerInvoiceBoundaries { get; set; } = BoundaryMode.HalfOpen;

    /// <summary>A misbehaving server for pager tests: every page after the first returns the same nextToken.</summary>
    public bool RepeatNextToken { get; set; }

    /// <summary>The page size when a request gives no limit.</summary>
    public int DefaultLimit { get; set; } = 10;

    /// <summary>How many status reads of a submitted transaction answer Processing before it ends in Success or Failure.</summary>
    public int TransactionProcessingReads { get; set; } = 1;
}

/// <summary>The credentials the sandbox accepts by default; printed when it starts.</summary>
public static class SandboxCredentials
{
    /// <summary>The sandbox app's client id.</summary>
    public const string ClientId = "amzn1.application-oa2-client.sandbox";

    /// <summary>The sandbox app's client secret (not a real one).</summary>
    public const string ClientSecret = "amzn1.oa2-cs.v1.sandbox-secret";

    /// <summary>The sandbox selling partner's refresh token (not a real one).</summary>
    public const string RefreshToken = "Atzr|sandbox-refresh-token";

    /// <summary>The refresh token of the sandbox's selling partner number <paramref name="account"/> (1 is <see cref="RefreshToken"/>), for --accounts.</summary>
    public static string RefreshTokenOf(int account) => account == 1 ? RefreshToken : $"{RefreshToken}-{account}";
}

/// <summary>Which ends of a createdAfter/createdBefore window include an invoice exactly on them.</summary>
public enum BoundaryMode
{
    /// <summary>createdAfter &lt;= t &lt; createdBefore.</summary>
    HalfOpen,

    /// <summary>createdAfter &lt;= t &lt;= createdBefore.</summary>
    Inclusive,

    /// <summary>createdAfter &lt; t &lt; createdBefore.</summary>
    Exclusive,
}
