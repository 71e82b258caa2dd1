using System.Text.Json;
using SpApi.Core.Operations;

namespace SpApi.Sandbox;

/// <summary>
/// The government invoice operations of Tax Invoices 2024-06-19: createGovernmentInvoice (204, validated against
/// the model's GovernmentInvoiceRequest), getGovernmentInvoiceStatus (PROCESSING, then SUCCESS or ERROR) and
/// getGovernmentInvoiceDocument, whose pre-signed URLs lapse like the export documents' (<see cref="SandboxOptions.ExpiredDocumentUrls"/>).
/// </summary>
internal static class GovernmentInvoiceEndpoints
{
    public const string DownloadPath = TaxInvoiceEndpoints.DownloadPath + "government/";
    private const string InvalidMessage = "Request has missing or invalid parameters and cannot be parsed.";
    private static readonly string[] FileFormats = { "XML", "PDF" };
    private static readonly ModelSchemaValidator Model = ModelSchemaValidator.FromResource("InvoicesApiModel_2024-06-19.json");

    public static void Map(WebApplication app, SandboxState state)
    {
        app.MapPost(SpApiOperations.CreateGovernmentInvoice.PathTemplate, (JsonElement body) => Create(body, state));
        app.MapGet(SpApiOperations.GetGovernmentInvoiceStatus.PathTemplate, (HttpRequest request) => Status(request, state));
        app.MapGet(SpApiOperations.GetGovernmentInvoiceDocument.PathTemplate, (HttpRequest request, string shipmentId) => IssueUrl(request, shipmentId, state));
        app.MapGet(DownloadPath + "{file}", (HttpContext context, string file) => Download(context, file, state));
    }

    private static IResult Create(JsonElement body, SandboxState state)
    {
        var problems = Model.Validate(body, "GovernmentInvoiceRequest");
        if (problems.Count > 0)
        {
            return Invalid(problems.Select(p => p.Message == "is required." ? $"Missing required attribute(s): '{p.Path}'." : p.ToString()));
        }

        string? Text(string name) => body.TryGetProperty(name, out var value) ? value.GetString() : null;
        var carrier = body.TryGetProperty("contexts", out var contexts) && contexts.GetArrayLength() > 0 && contexts[0].TryGetProperty("name", out var name) ? name.GetString() : null;
        return Refused(Text("marketplaceId"), Text("transactionType"), Text("invoiceType"))
            ?? Accept(state, Text("marketplaceId")!, Text("transactionType")!, Text("invoiceType")!, Text("shipmentId")!, Text("inboundPlanId"), carrier);
    }

    private static IResult Accept(SandboxState state, string marketplaceId, string transactionType, string invoiceType, string shipmentId, string? inboundPlanId, string? carrier)
    {
        state.GovernmentInvoices.Add(SandboxGovernmentInvoices.Key(marketplaceId, transactionType, invoiceType, shipmentId), shipmentId, inboundPlanId, invoiceType, carrier);
        return Results.NoContent();
    }

    private static IResult Status(HttpRequest request, SandboxState state)
    {
        if (Find(request, request.Query["shipmentId"], state, out var found) is { } refused)
        {
            return refused;
        }

        var status = found!.Status(state.Options);
        return Results.Json(new
        {
            status,
            invoiceExternalDocumentId = status == "SUCCESS" ? found.AccessKey : null,
            invoiceErrors = status == "ERROR" ? found.FailsWith!.Select(e => new { errorCode = e.ErrorCode, description = e.Description }) : null,
        });
    }

    private static IResult IssueUrl(HttpRequest request, string shipmentId, SandboxState state)
    {
        var format = request.Query["fileFormat"].ToString();
        format = format.Length == 0 ? "XML" : format;
        if (!FileFormats.Contains(format))
        {
            return Invalid(new[] { $"fileFormat must be XML or PDF, not '{format}'." });
        }

        if (Find(request, shipmentId, state, out var found) is { } refused)
        {
            return refused;
        }

        if (found!.Status(state.Options) != "SUCCESS")
        {
            return SpApiResults.Error(404, "NotFound", $"The government invoice of shipment {shipmentId} is not authorized: it is {found.Status(state.Options)}.");
        }

        // The export documents' lapse mechanism: the next ExpiredDocumentUrls URLs of either kind are issued expired.
        var expired = Interlocked.Decrement(ref state.ExpiredUrlsLeft) >= 0;
        var expires = (expired ? DateTimeOffset.UtcNow.AddSeconds(-1) : DateTimeOffset.UtcNow + state.Options.DocumentUrlLifetime).ToUnixTimeMilliseconds();
        var file = $"{found.Id}.{format.ToLowerInvariant()}";
        var url = $"{request.Scheme}://{request.Host}{DownloadPath}{file}?X-Amz-Expires={expires}&X-Amz-Signature={TaxInvoiceEndpoints.Sign(file, expires)}";
        return Results.Json(new { invoiceDocument = new { invoiceDocumentUrl = url } });
    }

    private static async Task Download(HttpContext context, string file, SandboxState state)
    {
        var query = context.Request.Query;
        var request = state.GovernmentInvoices.FindById(Path.GetFileNameWithoutExtension(file));
        if (!long.TryParse(query["X-Amz-Expires"], out var expires) || query["X-Amz-Signature"] != TaxInvoiceEndpoints.Sign(file, expires) || request is null)
        {
            await TaxInvoiceEndpoints.S3Error(context, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
            return;
        }

        if (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() > expires)
        {
            await TaxInvoiceEndpoints.S3Error(context, "AccessDenied", "Request has expired");
            return;
        }

        state.Counters.Download();
        var pdf = Path.GetExtension(file) == ".pdf";
        context.Response.ContentType = pdf ? "application/pdf" : "application/xml";
        await context.Response.Body.WriteAsync(request.Document(pdf ? "PDF" : "XML"));
    }

    // The status and document operations name the request by the same query; a shipment never requested is a 404.
    private static IResult? Find(HttpRequest request, string? shipmentId, SandboxState state, out SandboxGovernmentInvoice? found)
    {
        found = null;
        var query = request.Query;
        var missing = new[] { "marketplaceId", "transactionType", "invoiceType" }.Where(n => string.IsNullOrEmpty(query[n])).ToList();
        if (string.IsNullOrEmpty(shipmentId))
        {
            missing.Add("shipmentId");
        }

        if (missing.Count > 0)
        {
            return Invalid(missing.Select(n => $"Missing required attribute(s): '{n}'."));
        }

        if (Refused(query["marketplaceId"], query["transactionType"], query["invoiceType"]) is { } refused)
        {
            return refused;
        }

        found = state.GovernmentInvoices.Find(SandboxGovernmentInvoices.Key(query["marketplaceId"]!, query["transactionType"]!, query["invoiceType"]!, shipmentId!), query["inboundPlanId"]);
        return found is null ? SpApiResults.Error(404, "NotFound", $"No government invoice request for shipment {shipmentId}.") : null;
    }

    private static IResult? Refused(string? marketplaceId, string? transactionType, string? invoiceType) =>
        TaxInvoiceEndpoints.NotBrazil(marketplaceId)
        ?? (!TaxInvoiceAttributes.TransactionTypes.Concat(TaxInvoiceAttributes.GovernmentTransactionTypes).Contains(transactionType)
            ? Invalid(new[] { $"transactionType '{transactionType}' is not an option of getInvoicesAttributes." })
            : !TaxInvoiceAttributes.InvoiceTypes.Concat(TaxInvoiceAttributes.GovernmentInvoiceTypes).Contains(invoiceType)
                ? Invalid(new[] { $"invoiceType '{invoiceType}' is not an option of getInvoicesAttributes." })
                : null);

    // The model's 400 vector: code 400, one message, the problem in details.
    private static IResult Invalid(IEnumerable<string> details) =>
        SpApiResults.Errors(400, details.Select(d => new SandboxError("400", InvalidMessage, d)));
}
