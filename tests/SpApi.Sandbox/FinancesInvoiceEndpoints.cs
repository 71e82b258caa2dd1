using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SpApi.Core.Operations;

namespace SpApi.Sandbox;

/// <summary>
/// Finances Invoices 2026-06-25: getInvoiceHeaders (100 a page, at most 90 days of issue dates) and getInvoice
/// (600 lines a page through nextTokenForLineItems). Query parameters are checked against the model, and every
/// body is checked against the model's response definition before it is sent, so the sandbox cannot drift
/// from it. Statuses follow <see cref="SandboxFinancesInvoices.Now"/>.
/// </summary>
internal static class FinancesInvoiceEndpoints
{
    public const int HeadersPerPage = 100;
    public const int LinesPerPage = 600;
    private const string ModelFile = "financesInvoices_2026-06-25.json";

    private static readonly ModelSchemaValidator Model = ModelSchemaValidator.FromResource(ModelFile);
    private static readonly ModelParameters HeaderParameters = ModelParameters.FromResource(ModelFile, SpApiOperations.GetFinancesInvoiceHeaders.PathTemplate, "get");
    private static readonly ModelParameters InvoiceParameters = ModelParameters.FromResource(ModelFile, SpApiOperations.GetFinancesInvoice.PathTemplate, "get");

    // The model's optional properties are absent rather than null.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static void Map(WebApplication app, SandboxState state)
    {
        var data = state.Options.FinancesInvoices;
        app.MapGet(SpApiOperations.GetFinancesInvoiceHeaders.PathTemplate, (HttpRequest request) => Headers(request, data));
        app.MapGet(SpApiOperations.GetFinancesInvoice.PathTemplate, (HttpRequest request, string invoiceIdentifier) => Invoice(request, invoiceIdentifier, data));
        app.MapPost("/_sandbox/finances/advance", (double days) =>
        {
            data.Ahead += TimeSpan.FromDays(days);
            return Results.Json(new { now = data.Now });
        });
    }

    private static IResult Headers(HttpRequest request, SandboxFinancesInvoices data)
    {
        var query = request.Query;
        if (HeaderParameters.Check(query) is { Count: > 0 } problems)
        {
            return Invalid(problems);
        }

        var now = data.Now;
        var hasFrom = query.ContainsKey("fromIssueDate");
        if (hasFrom != query.ContainsKey("toIssueDate"))
        {
            return SpApiResults.InvalidInput("Provide both fromIssueDate and toIssueDate, or neither.");
        }

        var from = hasFrom ? Date(query["fromIssueDate"]) : now.AddDays(-90);
        var to = hasFrom ? Date(query["toIssueDate"]) : now;
        if (to <= from)
        {
            return SpApiResults.InvalidInput("toIssueDate must be later than fromIssueDate.");
        }

        if (to - from > TimeSpan.FromDays(90))
        {
            return SpApiResults.InvalidInput("The range between fromIssueDate and toIssueDate must not exceed 90 days.");
        }

        DateTimeOffset? modifiedAfter = query.ContainsKey("invoicesModifiedAfter") ? Date(query["invoicesModifiedAfter"]) : null;
        var marketplace = query["marketplaceId"].ToString();
        var binding = $"{request.Path}|{marketplace}|{query["fromIssueDate"]}|{query["toIssueDate"]}|{query["invoicesModifiedAfter"]}";
        var offset = 0;
        if (query.ContainsKey("nextToken") && !PageTokens.TryRead(query["nextToken"].ToString(), binding, out offset))
        {
            return SpApiResults.InvalidInput("The nextToken is not valid for this query: repeat the same parameters with the token of the previous page.");
        }

        var all = data.Snapshot()
            .Where(i => i.MarketplaceId == marketplace && i.IssueDate <= now && i.IssueDate >= from && i.IssueDate < to
                && (modifiedAfter is null || i.StepAt(now).At > modifiedAfter))
            .OrderBy(i => i.IssueDate).ThenBy(i => i.Identifier, StringComparer.Ordinal)
            .ToList();
        var page = all.Skip(offset).Take(HeadersPerPage).Select(i => FinancesInvoiceShapes.Header(i, now)).ToList();
        var next = offset + HeadersPerPage < all.Count ? PageTokens.Write(offset + HeadersPerPage, binding) : null;
        return Checked(new { invoices = page, numOfRecords = page.Count, nextToken = next }, "GetInvoicesResponse");
    }

    private static IResult Invoice(HttpRequest request, string invoiceIdentifier, SandboxFinancesInvoices data)
    {
        var query = request.Query;
        if (InvoiceParameters.Check(query) is { Count: > 0 } problems)
        {
            return Invalid(problems);
        }

        var marketplace = query["marketplaceId"].ToString();
        var invoice = data.Snapshot().FirstOrDefault(i => i.MarketplaceId == marketplace && i.Identifier == invoiceIdentifier);
        var now = data.Now;
        if (invoice is null || invoice.IssueDate > now)
        {
            return SpApiResults.Error(404, "NotFound", $"No invoice {invoiceIdentifier} in marketplace {marketplace}.");
        }

        var binding = $"{request.Path}|{marketplace}";
        var offset = 0;
        if (query.ContainsKey("nextTokenForLineItems")
            && !PageTokens.TryRead(query["nextTokenForLineItems"].ToString(), binding, out offset))
        {
            return SpApiResults.InvalidInput("The nextTokenForLineItems is not valid for this invoice.");
        }

        var step = invoice.StepAt(now);
        var lines = invoice.Lines.Skip(offset).Take(LinesPerPage).Select(l => FinancesInvoiceShapes.Line(l, step, invoice.CurrencyCode)).ToList();
        var next = offset + LinesPerPage < invoice.Lines.Count ? PageTokens.Write(offset + LinesPerPage, binding) : null;
        return Checked(new { invoiceHeader = FinancesInvoiceShapes.Header(invoice, now), invoiceItems = lines, nextTokenForLineItems = next }, "GetInvoiceResponse");
    }

    // A body that breaks the model is the sandbox's own bug: it fails loudly instead of teaching the client a wrong shape.
    private static IResult Checked(object body, string definition)
    {
        var element = JsonSerializer.SerializeToElement(body, Json);
        var problems = Model.Validate(element, definition);
        return problems.Count == 0
            ? Results.Json(element, Json)
            : throw new InvalidOperationException($"The sandbox's {definition} breaks the model: {string.Join(" ", problems)}");
    }

    private static IResult Invalid(List<string> problems) =>
        SpApiResults.Errors(400, problems.Select(p => new SandboxError("InvalidInput", p)));

    private static DateTimeOffset Date(string? value) =>
        DateTimeOffset.Parse(value!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
