using System.Text.Json;

namespace SpApi.Sandbox;

/// <summary>
/// Vendor Invoices submitInvoices and DF Payments submitInvoice: the body is validated against the
/// official model (400 with one error per problem), then accepted as a transaction (202) whose
/// business checks show only later, in its status.
/// </summary>
internal static class InvoiceSubmissionEndpoints
{
    public static void Map(WebApplication app, SandboxState state)
    {
        foreach (var model in new[] { InvoiceSubmissionModel.Retail, InvoiceSubmissionModel.DirectFulfillment })
        {
            app.MapPost(model.Operation.PathTemplate, (HttpRequest request) => SubmitAsync(request, model, state));
        }
    }

    private static async Task<IResult> SubmitAsync(HttpRequest request, InvoiceSubmissionModel model, SandboxState state)
    {
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        }
        catch (JsonException)
        {
            return SpApiResults.InvalidInput("The request body is not JSON.");
        }

        var problems = model.Model.Validate(body, model.RequestDefinition);

        // The model sets no minimum, but a submission without invoices has nothing to process.
        if (problems.Count == 0 && (!body.TryGetProperty("invoices", out var listed) || listed.GetArrayLength() == 0))
        {
            problems.Add(new SchemaProblem("invoices", "must list at least one invoice."));
        }

        if (problems.Count > 0)
        {
            return SpApiResults.Errors(400, problems.Select(p => new SandboxError("InvalidInput", p.ToString(), p.Path.Length == 0 ? null : p.Path)));
        }

        var invoices = body.GetProperty("invoices").EnumerateArray().ToList();
        var transaction = state.Transactions.Add(
            model.Api,
            invoices.Select(i => i.GetProperty(model.IdProperty).GetString()!).ToList(),
            invoices.Select(i => InvoiceTotalCheck.Check(i, model)).OfType<SandboxError>());
        FinancesInvoiceFeed.Accept(state.Options.FinancesInvoices, model, invoices, transaction);
        return Results.Json(new { payload = new { transactionId = transaction.TransactionId } }, statusCode: 202);
    }
}
