using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SpApi.Core.Operations;

namespace SpApi.Sandbox;

/// <summary>
/// Tax Invoices 2024-06-19 for the Brazil marketplace: attributes, invoices, the export lifecycle
/// (REQUESTED, PROCESSING, then DONE after <see cref="SandboxOptions.ExportDelay"/>), and documents
/// served as zips of XML invoices from pre-signed URLs that expire.
/// </summary>
internal static class TaxInvoiceEndpoints
{
    public const string Brazil = "A2Q3Y263D00KWC";
    public const string DownloadPath = "/_sandbox/documents/";
    private static readonly byte[] UrlKey = RandomNumberGenerator.GetBytes(32);
    private static readonly string[] ExportStatuses = { "REQUESTED", "PROCESSING", "DONE", "ERROR" };

    public static void Map(WebApplication app, SandboxState state)
    {
        app.MapGet(SpApiOperations.GetInvoicesAttributes.PathTemplate, (HttpRequest request) =>
            NotBrazil(request.Query["marketplaceId"]) ?? Results.Json(new
            {
                invoicesAttributes = new
                {
                    invoiceStatusOptions = Options(TaxInvoiceAttributes.Statuses),
                    invoiceTypeOptions = Options(TaxInvoiceAttributes.InvoiceTypes.Concat(TaxInvoiceAttributes.GovernmentInvoiceTypes)),
                    transactionIdentifierNameOptions = Options(TaxInvoiceAttributes.IdentifierNames),
                    transactionTypeOptions = Options(TaxInvoiceAttributes.TransactionTypes.Concat(TaxInvoiceAttributes.GovernmentTransactionTypes)),
                },
            }));

        app.MapGet(SpApiOperations.GetInvoices.PathTemplate, (HttpRequest request) => ListInvoices(request, state));
        app.MapGet(SpApiOperations.GetInvoice.PathTemplate, (HttpRequest request, string invoiceId) =>
            NotBrazil(request.Query["marketplaceId"])
            ?? (state.Options.TaxInvoices.FirstOrDefault(i => i.Id == invoiceId) is { } invoice
                ? Results.Json(new { invoice = Shape(invoice) })
                : SpApiResults.Error(404, "NotFound", $"No invoice {invoiceId}.")));
        app.MapPost(SpApiOperations.CreateInvoicesExport.PathTemplate, (JsonElement body) => CreateExport(body, state));
        app.MapGet(SpApiOperations.GetInvoicesExports.PathTemplate, (HttpRequest request) => ListExports(request, state));
        app.MapGet(SpApiOperations.GetInvoicesExport.PathTemplate, (string exportId) =>
            state.ExportJobs.Find(exportId) is { } job
                ? Results.Json(new { export = Shape(job, Status(job, state.Options), state.Options) })
                : SpApiResults.Error(404, "NotFound", $"No export {exportId}."));
        app.MapGet(SpApiOperations.GetInvoicesDocument.PathTemplate, (HttpRequest request, string invoicesDocumentId) => IssueUrl(request, invoicesDocumentId, state));
        app.MapGet(DownloadPath + "{documentId}", (HttpContext context, string documentId) => Download(context, documentId, state));
    }

    private static IResult ListInvoices(HttpRequest request, SandboxState state)
    {
        var query = request.Query;
        if (NotBrazil(query["marketplaceId"]) is { } refused)
        {
            return refused;
        }

        var pageSize = 100;
        if (query.ContainsKey("pageSize") && (!int.TryParse(query["pageSize"], NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 200))
        {
            return SpApiResults.InvalidInput("pageSize must be an integer from 1 to 200.");
        }

        if (string.IsNullOrEmpty(query["transactionIdentifierName"]) != string.IsNullOrEmpty(query["transactionIdentifierId"]))
        {
            return SpApiResults.InvalidInput("transactionIdentifierName and transactionIdentifierId must be given together.");
        }

        var statuses = query["statuses"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        var (start, end) = Period(query["dateStart"], query["dateEnd"], TimeSpan.FromDays(1));
        var matching = state.Options.TaxInvoices.Where(i =>
            i.Date >= start && i.Date < end
            && (statuses.Length == 0 || statuses.Contains(i.Status))
            && Matches(query["invoiceType"], i.InvoiceType) && Matches(query["transactionType"], i.TransactionType)
            && Matches(query["series"], i.Series) && Matches(query["externalInvoiceId"], i.ExternalInvoiceId)
            && Matches(query["transactionIdentifierId"], i.ShipmentId));
        var all = (query["sortOrder"] == "ASC" ? matching.OrderBy(i => i.Date) : matching.OrderByDescending(i => i.Date)).ToList();

        // The model caps a page at 100 invoices even where pageSize allows 200.
        var size = Math.Min(pageSize, 100);
        var binding = $"{request.Path}|{string.Join("|", query.Where(p => p.Key != "nextToken").OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}";
        var offset = 0;
        if (query.ContainsKey("nextToken") && !PageTokens.TryRead(query["nextToken"].ToString(), binding, out offset))
        {
            return SpApiResults.InvalidInput("The nextToken is not valid for this query.");
        }

        return Results.Json(new
        {
            invoices = all.Skip(offset).Take(size).Select(Shape),
            nextToken = offset + size < all.Count ? PageTokens.Write(offset + size, binding) : null,
        });
    }

    private static IResult CreateExport(JsonElement body, SandboxState state)
    {
        string? Text(string name) => body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (NotBrazil(Text("marketplaceId")) is { } refused)
        {
            return refused;
        }

        if (Text("fileFormat") is { } format && format != "XML")
        {
            return SpApiResults.InvalidInput("fileFormat must be XML.");
        }

        var statuses = body.TryGetProperty("statuses", out var list) ? list.EnumerateArray().Select(s => s.GetString()!).ToArray() : null;
        if (statuses is { Length: 0 })
        {
            return SpApiResults.InvalidInput("statuses needs at least one value.");
        }

        var (start, end) = Period(Text("dateStart"), Text("dateEnd"), TimeSpan.FromDays(1));
        var invoices = state.Options.TaxInvoices
            .Where(i => i.Date >= start && i.Date < end && (statuses is null || statuses.Contains(i.Status))
                && Matches(Text("invoiceType"), i.InvoiceType) && Matches(Text("transactionType"), i.TransactionType) && Matches(Text("series"), i.Series))
            .OrderBy(i => i.Date)
            .ToList();

        // The external invoice id SANDBOX-ERROR (or -CANCELLED, -FATAL) makes the export fail that way.
        var external = Text("externalInvoiceId");
        var fails = external is not null && external.StartsWith("SANDBOX-", StringComparison.Ordinal) ? external["SANDBOX-".Length..] : null;
        var job = state.ExportJobs.Add(DateTimeOffset.UtcNow, fails is null ? invoices : Array.Empty<SandboxTaxInvoice>(), fails);
        return Results.Json(new { exportId = job.ExportId }, statusCode: 202);
    }

    private static IResult ListExports(HttpRequest request, SandboxState state)
    {
        var query = request.Query;
        if (NotBrazil(query["marketplaceId"]) is { } refused)
        {
            return refused;
        }

        var pageSize = 100;
        if (query.ContainsKey("pageSize") && (!int.TryParse(query["pageSize"], NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 100))
        {
            return SpApiResults.InvalidInput("pageSize must be an integer from 1 to 100.");
        }

        var status = query["status"].ToString();
        if (status.Length > 0 && !ExportStatuses.Contains(status))
        {
            return SpApiResults.InvalidInput($"status must be one of {string.Join(", ", ExportStatuses)}.");
        }

        var binding = $"{request.Path}|{query["marketplaceId"]}|{query["dateStart"]}|{query["dateEnd"]}|{status}|{pageSize}";
        var offset = 0;
        if (query.ContainsKey("nextToken") && !PageTokens.TryRead(query["nextToken"].ToString(), binding, out offset))
        {
            return SpApiResults.InvalidInput("The nextToken is not valid for this query.");
        }

        // The store getInvoicesExport reads, so every export listed can be got and downloaded by its id.
        var (start, end) = Period(query["dateStart"], query["dateEnd"], TimeSpan.FromDays(30));
        var all = state.ExportJobs.All
            .Where(job => job.RequestedAt >= start && job.RequestedAt < end)
            .Select(job => (Job: job, Status: Status(job, state.Options)))
            .Where(e => status.Length == 0 || e.Status == status)
            .Select(e => Shape(e.Job, e.Status, state.Options))
            .ToList();
        return Results.Json(new
        {
            exports = all.Skip(offset).Take(pageSize),
            nextToken = offset + pageSize < all.Count ? PageTokens.Write(offset + pageSize, binding) : null,
        });
    }

    private static IResult IssueUrl(HttpRequest request, string documentId, SandboxState state)
    {
        if (state.ExportJobs.FindDocument(documentId) is not { } found || Status(found.Job, state.Options) != "DONE"
            || found.Index >= found.Job.DocumentIds(state.Options.InvoicesPerDocument).Count)
        {
            return SpApiResults.Error(404, "NotFound", $"No document {documentId}.");
        }

        var expired = Interlocked.Decrement(ref state.ExpiredUrlsLeft) >= 0;
        var expires = (expired ? DateTimeOffset.UtcNow.AddSeconds(-1) : DateTimeOffset.UtcNow + state.Options.DocumentUrlLifetime).ToUnixTimeMilliseconds();
        var url = $"{request.Scheme}://{request.Host}{DownloadPath}{documentId}?X-Amz-Expires={expires}&X-Amz-Signature={Sign(documentId, expires)}";
        return Results.Json(new { invoicesDocument = new { invoicesDocumentId = documentId, invoicesDocumentUrl = url } });
    }

    private static async Task Download(HttpContext context, string documentId, SandboxState state)
    {
        var query = context.Request.Query;
        if (!long.TryParse(query["X-Amz-Expires"], out var expires) || query["X-Amz-Signature"] != Sign(documentId, expires)
            || state.ExportJobs.FindDocument(documentId) is not { } found)
        {
            await S3Error(context, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
            return;
        }

        if (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() > expires)
        {
            await S3Error(context, "AccessDenied", "Request has expired");
            return;
        }

        state.Counters.Download();
        var invoices = found.Job.Invoices.Skip(found.Index * state.Options.InvoicesPerDocument).Take(state.Options.InvoicesPerDocument);
        context.Response.ContentType = "application/zip";

        // Streamed straight to the response, so a document of any size costs the server no memory.
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        using var zip = new ZipArchive(context.Response.Body, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var invoice in invoices)
        {
            await WriteEntryAsync(zip, invoice.Id + ".xml", invoice.Xml);
        }

        if (context.Items.ContainsKey(FaultKind.DuplicateZipEntries) && invoices.FirstOrDefault() is { } first)
        {
            await WriteEntryAsync(zip, first.Id + ".xml", "<another copy under the same name/>");
        }

        if (context.Items.ContainsKey(FaultKind.LongZipEntryName))
        {
            await WriteEntryAsync(zip, SandboxFaults.LongZipEntryName, "<a name no file system takes/>");
        }

        if (state.Options.MaliciousZipEntry is { } malicious)
        {
            await using var entry = new StreamWriter(zip.CreateEntry(malicious).Open());
            await entry.WriteAsync("written outside the folder");
        }

        if (state.Options.BulkEntryBytes > 0)
        {
            await WriteBulkEntryAsync(zip, state.Options.BulkEntryBytes);
        }
    }

    private static async Task WriteEntryAsync(ZipArchive zip, string name, string text)
    {
        await using var entry = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        await entry.WriteAsync(text);
    }

    // Incompressible filler, so the zip on the wire is as large as asked.
    private static async Task WriteBulkEntryAsync(ZipArchive zip, long bytes)
    {
        await using var entry = zip.CreateEntry("bulk.xml", CompressionLevel.NoCompression).Open();
        var buffer = new byte[1 << 20];
        var random = new Random(7);
        for (long written = 0; written < bytes; written += buffer.Length)
        {
            random.NextBytes(buffer);
            await entry.WriteAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, bytes - written)));
        }
    }

    internal static string Status(SandboxExportJob job, SandboxOptions options)
    {
        var elapsed = DateTimeOffset.UtcNow - job.RequestedAt;
        return elapsed < options.ExportDelay / 2 ? "REQUESTED" : elapsed < options.ExportDelay ? "PROCESSING" : job.FailsWith ?? "DONE";
    }

    private static object Shape(SandboxExportJob job, string status, SandboxOptions options) => new
    {
        exportId = job.ExportId,
        status,
        generateExportStartedAt = job.RequestedAt,
        generateExportFinishedAt = status is "REQUESTED" or "PROCESSING" ? (DateTimeOffset?)null : job.RequestedAt + options.ExportDelay,
        errorMessage = job.FailsWith is null || status != job.FailsWith ? null : $"The export ended in {job.FailsWith} (sandbox).",
        invoicesDocumentIds = status == "DONE" ? job.DocumentIds(options.InvoicesPerDocument) : Array.Empty<string>(),
    };

    private static object Shape(SandboxTaxInvoice invoice) => new
    {
        id = invoice.Id,
        date = invoice.Date,
        status = invoice.Status,
        invoiceType = invoice.InvoiceType,
        transactionType = invoice.TransactionType,
        series = invoice.Series,
        externalInvoiceId = invoice.ExternalInvoiceId,
        transactionIds = new[] { new { name = "SHIPMENT_ID", id = invoice.ShipmentId } },
    };

    private static object[] Options(IEnumerable<string> values) => values.Select(v => (object)new { value = v, description = TaxInvoiceAttributes.Descriptions[v] }).ToArray();

    internal static IResult? NotBrazil(string? marketplaceId) =>
        marketplaceId == Brazil ? null : SpApiResults.InvalidInput($"The Tax Invoices API serves the Brazil marketplace ({Brazil}) only, not '{marketplaceId}'.");

    private static bool Matches(string? filter, string value) => string.IsNullOrEmpty(filter) || filter == value;

    // Defaults as the model says: the last 24 hours for invoices, the last 30 days for exports.
    private static (DateTimeOffset Start, DateTimeOffset End) Period(string? start, string? end, TimeSpan defaultLength)
    {
        var now = DateTimeOffset.UtcNow;
        return (Parse(start) ?? now - defaultLength, Parse(end) ?? now);

        static DateTimeOffset? Parse(string? value) =>
            DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;
    }

    internal static string Sign(string documentId, long expires) =>
        Convert.ToHexString(HMACSHA256.HashData(UrlKey, Encoding.UTF8.GetBytes($"{documentId}|{expires}")));

    internal static Task S3Error(HttpContext context, string code, string message)
    {
        context.Response.StatusCode = 403;
        context.Response.ContentType = "application/xml";
        return context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message></Error>");
    }
}
