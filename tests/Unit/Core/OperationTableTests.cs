using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SpApi.Core.Operations;
using SpApi.Tests.Support;

namespace SpApi.Tests.Core;

/// <summary>The operation table agrees with the official models: paths, methods, usage plans and the Restricted and Envelope flags.</summary>
public sealed class OperationTableTests
{
    private static readonly Dictionary<string, string> ModelFiles = new()
    {
        ["vendorDirectFulfillmentShipping/v1"] = "vendorDirectFulfillmentShippingV1.json",
        ["vendorDirectFulfillmentShipping/2021-12-28"] = "vendorDirectFulfillmentShipping_2021-12-28.json",
        ["vendorDirectFulfillmentPayments/v1"] = "vendorDirectFulfillmentPaymentsV1.json",
        ["vendorInvoices/v1"] = "vendorInvoices.json",
        ["vendorDirectFulfillmentTransactions/v1"] = "vendorDirectFulfillmentTransactionsV1.json",
        ["vendorDirectFulfillmentTransactions/2021-12-28"] = "vendorDirectFulfillmentTransactions_2021-12-28.json",
        ["vendorTransactionStatus/v1"] = "vendorTransactionStatus.json",
        ["tokens/2021-03-01"] = "tokens_2021-03-01.json",
        ["invoices/2024-06-19"] = "InvoicesApiModel_2024-06-19.json",
        ["financesInvoices/2026-06-25"] = "financesInvoices_2026-06-25.json",
    };

    private static readonly Regex UsagePlan = new(@"\| Rate \(requests per second\) \| Burst \|\s*\n\| -+ \| -+ \|\s*\n\| ([\d.]+) \| (\d+) \|");

    public static TheoryData<string> Operations() => new(SpApiOperations.All.Select(o => o.Key));

    [Theory]
    [MemberData(nameof(Operations))]
    public void PathMethodAndUsagePlanMatchTheModel(string key)
    {
        var operation = SpApiOperations.All.Single(o => o.Key == key);
        using var model = ModelOf(operation);

        var definition = DefinitionOf(model, operation);
        Assert.Equal(operation.Name, definition.GetProperty("operationId").GetString());

        var plan = UsagePlan.Match(definition.GetProperty("description").GetString() ?? string.Empty);
        if (operation.Api == "invoices")
        {
            // The 2026-07 Tax Invoices model dropped its usage plans; the table keeps the figures of its previous revision.
            Assert.False(plan.Success);
            return;
        }

        if (operation.Api == "financesInvoices")
        {
            // The Finances Invoices model has never had usage plans; the table's conservative default is checked apart.
            Assert.False(plan.Success);
            Assert.Equal((0.5, 10), (operation.Rate, operation.Burst));
            return;
        }

        Assert.True(plan.Success, $"{operation} has no usage plan in its model");
        Assert.Equal(double.Parse(plan.Groups[1].Value, CultureInfo.InvariantCulture), operation.Rate);
        Assert.Equal(int.Parse(plan.Groups[2].Value, CultureInfo.InvariantCulture), operation.Burst);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void RestrictedExactlyWhenOnTheTokensApiList(string key)
    {
        var operation = SpApiOperations.All.Single(o => o.Key == key);
        Assert.Equal(TokensRestrictedOperations.Contains(operation.Method.Method, operation.PathTemplate), operation.Restricted);
    }

    [Fact]
    public void EveryEntryOfTheRestrictedListIsAnOperationOfItsModel() =>
        Assert.All(TokensRestrictedOperations.All, entry =>
        {
            using var model = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Repository.ModelsFolder, entry.ModelFile)));
            var definition = model.RootElement.GetProperty("paths").GetProperty(entry.Path).GetProperty(entry.Method.ToLowerInvariant());
            Assert.Equal(entry.OperationId, definition.GetProperty("operationId").GetString());
        });

    [Theory]
    [MemberData(nameof(Operations))]
    public void PayloadEnvelopeExactlyWhenTheModelsSuccessResponseWrapsAPayload(string key)
    {
        var operation = SpApiOperations.All.Single(o => o.Key == key);
        using var model = ModelOf(operation);

        var success = DefinitionOf(model, operation).GetProperty("responses").EnumerateObject().First(r => r.Name.StartsWith("2", StringComparison.Ordinal));
        // A 204 (createGovernmentInvoice) has no body, so nothing to wrap.
        var wrapsPayload = false;
        if (success.Value.TryGetProperty("schema", out var body))
        {
            var reference = body.GetProperty("$ref").GetString()!;
            var schema = model.RootElement.GetProperty("definitions").GetProperty(reference.Substring("#/definitions/".Length));
            wrapsPayload = schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty("payload", out _);
        }

        Assert.Equal(wrapsPayload, operation.PayloadEnvelope);
    }

    [Fact]
    public void ExactlyTheCustomerInvoiceOperationsAreRestricted() =>
        Assert.Equal(
            new[] { "getCustomerInvoices", "getCustomerInvoice", "getCustomerInvoices", "getCustomerInvoice" },
            SpApiOperations.All.Where(o => o.Restricted).Select(o => o.Name));

    [Fact]
    public void OnlyGetsAndTokenCreationAreRetriedAfterServerErrors() =>
        Assert.All(SpApiOperations.All, o => Assert.Equal(
            o.Method == HttpMethod.Get || o == SpApiOperations.CreateRestrictedDataToken,
            o.IsIdempotent));

    [Fact]
    public void KeysAreUnique() =>
        Assert.Equal(SpApiOperations.All.Count, SpApiOperations.All.Select(o => o.Key).Distinct().Count());

    private static JsonDocument ModelOf(OperationDescriptor operation) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Repository.ModelsFolder, ModelFiles[$"{operation.Api}/{operation.Version}"])));

    private static JsonElement DefinitionOf(JsonDocument model, OperationDescriptor operation) =>
        model.RootElement.GetProperty("paths").GetProperty(operation.PathTemplate).GetProperty(operation.Method.Method.ToLowerInvariant());
}
