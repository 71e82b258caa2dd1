using System.Collections.Concurrent;

namespace SpApi.Sandbox;

/// <summary>A tax invoice in the sandbox's data set.</summary>
public sealed record SandboxTaxInvoice(string Id, DateTimeOffset Date, string Status, string InvoiceType, string TransactionType, string Series, string ExternalInvoiceId, string ShipmentId)
{
    /// <summary>The invoice as the XML file a document zip holds.</summary>
    public string Xml => $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<nfeProc><NFe><infNFe Id=\"{Id}\"><ide><serie>{Series}</serie><dhEmi>{Date:yyyy-MM-ddTHH:mm:sszzz}</dhEmi></ide></infNFe></NFe></nfeProc>\n";

    /// <summary>A deterministic data set: one invoice every <paramref name="spacing"/> before <paramref name="end"/>.</summary>
    public static List<SandboxTaxInvoice> Generate(DateTimeOffset end, int count, TimeSpan spacing) =>
        Enumerable.Range(1, count).Select(i => new SandboxTaxInvoice(
            $"NFE{i:D8}",
            end - TimeSpan.FromTicks(spacing.Ticks * i),
            TaxInvoiceAttributes.Statuses[i % TaxInvoiceAttributes.Statuses.Length],
            TaxInvoiceAttributes.InvoiceTypes[i % TaxInvoiceAttributes.InvoiceTypes.Length],
            TaxInvoiceAttributes.TransactionTypes[i % TaxInvoiceAttributes.TransactionTypes.Length],
            "1",
            $"EXT{i:D8}",
            $"SHIP{i:D6}")).ToList();
}

/// <summary>The attribute options the sandbox's Brazil marketplace offers.</summary>
public static class TaxInvoiceAttributes
{
    /// <summary>Invoice statuses.</summary>
    public static readonly string[] Statuses = { "AUTHORIZED", "REJECTED", "DENIED", "CANCELLED", "PROCESSING" };

    /// <summary>Invoice types.</summary>
    public static readonly string[] InvoiceTypes = { "SHIPPING", "RETURN", "REMOVAL" };

    /// <summary>Transaction types.</summary>
    public static readonly string[] TransactionTypes = { "FBA_OUTBOUND", "FBA_INBOUND", "FBA_REMOVAL" };

    /// <summary>The invoice type of a government invoice for an FBA inbound shipment (the model's vectors); offered besides the others.</summary>
    public static readonly string[] GovernmentInvoiceTypes = { "REMITTANCE" };

    /// <summary>The transaction type of an FBA inbound shipment's government invoice (the model's vectors).</summary>
    public static readonly string[] GovernmentTransactionTypes = { "INBOUND_SHIPMENT" };

    /// <summary>Transaction identifier names.</summary>
    public static readonly string[] IdentifierNames = { "SHIPMENT_ID", "ORDER_ID" };

    /// <summary>What the API says each value means: prose, as Amazon's descriptions are, never the value itself.</summary>
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AUTHORIZED"] = "Authorized by the tax authority",
        ["REJECTED"] = "Rejected by the tax authority",
        ["DENIED"] = "Denied by the tax authority",
        ["CANCELLED"] = "Cancelled after it was authorized",
        ["PROCESSING"] = "Waiting for the tax authority",
        ["SHIPPING"] = "Invoice of a shipment to a customer",
        ["RETURN"] = "Invoice of a customer return",
        ["REMOVAL"] = "Invoice of a removal from a fulfillment center",
        ["FBA_OUTBOUND"] = "Fulfillment by Amazon, outbound",
        ["FBA_INBOUND"] = "Fulfillment by Amazon, inbound",
        ["FBA_REMOVAL"] = "Fulfillment by Amazon, removal order",
        ["INBOUND_SHIPMENT"] = "A shipment into an Amazon fulfillment center",
        ["REMITTANCE"] = "Remittance of goods to a fulfillment center",
        ["SHIPMENT_ID"] = "The shipment identifier",
        ["ORDER_ID"] = "The Amazon order identifier",
    };
}

/// <summary>An export requested from the sandbox, and the documents it produced.</summary>
public sealed class SandboxExportJob
{
    /// <summary>The export id.</summary>
    public required string ExportId { get; init; }

    /// <summary>When it was requested.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>The invoices it covers.</summary>
    public required IReadOnlyList<SandboxTaxInvoice> Invoices { get; init; }

    /// <summary>When set, the export ends in this status (ERROR, or CANCELLED/FATAL as the docs name them).</summary>
    public string? FailsWith { get; init; }

    /// <summary>The document ids once the export is done: one zip per chunk of invoices.</summary>
    public IReadOnlyList<string> DocumentIds(int invoicesPerDocument) =>
        Enumerable.Range(0, Math.Max(1, (Invoices.Count + invoicesPerDocument - 1) / invoicesPerDocument))
            .Select(i => $"{ExportId}-DOC{i + 1}")
            .ToList();
}

/// <summary>
/// Every export of the sandbox, the older ones it starts with and the ones asked for since: the one store
/// that getInvoicesExports lists and getInvoicesExport and the documents read.
/// </summary>
public sealed class SandboxExportJobs
{
    private readonly ConcurrentDictionary<string, SandboxExportJob> jobs = new(StringComparer.Ordinal);
    private int next;

    internal SandboxExportJobs(IEnumerable<SandboxExport> older, IReadOnlyList<SandboxTaxInvoice> invoices)
    {
        foreach (var export in older)
        {
            // The day before it was requested: what createInvoicesExport covers when given no dates.
            var covered = invoices.Where(i => i.Date >= export.RequestedAt.AddDays(-1) && i.Date < export.RequestedAt).OrderBy(i => i.Date).ToList();
            var job = new SandboxExportJob
            {
                ExportId = export.ExportId,
                RequestedAt = export.RequestedAt,
                Invoices = export.FailsWith is null ? covered : Array.Empty<SandboxTaxInvoice>(),
                FailsWith = export.FailsWith,
            };
            jobs[job.ExportId] = job;
        }
    }

    /// <summary>Every export, oldest first, so a new one joins the end and the pages already read stay as they were.</summary>
    public IReadOnlyList<SandboxExportJob> All =>
        jobs.Values.OrderBy(j => j.RequestedAt).ThenBy(j => j.ExportId, StringComparer.Ordinal).ToList();

    internal SandboxExportJob Add(DateTimeOffset now, IReadOnlyList<SandboxTaxInvoice> invoices, string? failsWith)
    {
        var job = new SandboxExportJob { ExportId = $"EXPORT{Interlocked.Increment(ref next):D6}", RequestedAt = now, Invoices = invoices, FailsWith = failsWith };
        jobs[job.ExportId] = job;
        return job;
    }

    internal SandboxExportJob? Find(string exportId) => jobs.TryGetValue(exportId, out var job) ? job : null;

    internal (SandboxExportJob Job, int Index)? FindDocument(string documentId)
    {
        var separator = documentId.LastIndexOf("-DOC", StringComparison.Ordinal);
        return separator > 0 && Find(documentId[..separator]) is { } job && int.TryParse(documentId[(separator + 4)..], out var index)
            ? (job, index - 1)
            : null;
    }
}

/// <summary>
/// An export requested before the sandbox started, finished long since: DONE with the invoices of the day
/// before <paramref name="RequestedAt"/>, or ended in <paramref name="FailsWith"/> (ERROR, say).
/// </summary>
public sealed record SandboxExport(string ExportId, DateTimeOffset RequestedAt, string? FailsWith = null);
