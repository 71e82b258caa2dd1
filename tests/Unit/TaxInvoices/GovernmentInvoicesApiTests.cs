using System.Net;
using System.Text.Json;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Http;
using SpApi.Core.Json;
using SpApi.Core.Operations;
using SpApi.Sandbox;
using SpApi.Tests.Support;

using static SpApi.Tests.TaxInvoices.GovernmentSandbox;

namespace SpApi.Tests.TaxInvoices;

/// <summary>The three government invoice operations against the sandbox: the request body, the lifecycle, the document URL.</summary>
public sealed class GovernmentInvoicesApiTests
{
    [Fact]
    public void TheRequestBodyIsTheModelsExample()
    {
        using var model = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Repository.ModelsFolder, "InvoicesApiModel_2024-06-19.json")));
        var example = model.RootElement.GetProperty("definitions").GetProperty("GovernmentInvoiceRequest").GetProperty("example");

        var body = JsonSerializer.SerializeToElement(new GovernmentInvoiceRequest(Shipment(), Carrier()), SpApiJson.Options);

        Assert.Equal(Canonical(example), Canonical(body));
    }

    [Fact]
    public void ACarrierWithNoDetailIsLeftOut()
    {
        var body = JsonSerializer.SerializeToElement(new GovernmentInvoiceRequest(Shipment(), new CarrierDetailsContext()), SpApiJson.Options);

        Assert.False(body.TryGetProperty("contexts", out _));
    }

    [Fact]
    public async Task ARequestIsProcessingThenSucceedsWithItsAccessKey()
    {
        await using var sandbox = await StartAsync(o => o.GovernmentInvoiceDelay = TimeSpan.FromHours(1));
        var api = new GovernmentInvoicesApi(sandbox.Client());

        await api.CreateGovernmentInvoiceAsync(new GovernmentInvoiceRequest(Shipment(), Carrier()), CancellationToken.None);
        var processing = await api.GetGovernmentInvoiceStatusAsync(Shipment(), CancellationToken.None);
        sandbox.State.Options.GovernmentInvoiceDelay = TimeSpan.Zero;
        var done = await api.GetGovernmentInvoiceStatusAsync(Shipment(), CancellationToken.None);

        Assert.Equal("PROCESSING", processing.Status);
        Assert.Null(processing.InvoiceExternalDocumentId);
        Assert.Equal("SUCCESS", done.Status);
        Assert.Equal(sandbox.State.GovernmentInvoices.All.Single().AccessKey, done.InvoiceExternalDocumentId);
        Assert.Equal("sh109b72-7b27-4e97-9fd1-3b56915fbc95", done.ShipmentId);
        Assert.Equal("testCarrier", sandbox.State.GovernmentInvoices.All.Single().CarrierName);
    }

    [Fact]
    public async Task TheModelsErrorVectorEndsInErrorWithItsInvoiceErrors()
    {
        await using var sandbox = await StartAsync();
        var api = new GovernmentInvoicesApi(sandbox.Client());
        var shipment = Shipment(SandboxGovernmentInvoices.ErrorVectorShipment);

        await api.CreateGovernmentInvoiceAsync(new GovernmentInvoiceRequest(shipment, null), CancellationToken.None);
        var status = await api.GetGovernmentInvoiceStatusAsync(shipment, CancellationToken.None);

        Assert.Equal("ERROR", status.Status);
        var error = Assert.Single(status.InvoiceErrors);
        Assert.Equal("481", error.ErrorCode);
        Assert.StartsWith("Rejeição", error.Description);
    }

    [Fact]
    public async Task AShipmentNeverRequestedIsNotFound()
    {
        await using var sandbox = await StartAsync();
        var api = new GovernmentInvoicesApi(sandbox.Client());

        var error = await Assert.ThrowsAsync<SpApiException>(() => api.GetGovernmentInvoiceStatusAsync(Shipment("NEVER-ASKED"), CancellationToken.None));

        Assert.Equal(SpApiFailureKind.NotFound, error.Kind);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Theory]
    [InlineData("XML", "<nfeProc>")]
    [InlineData("pdf", "%PDF-")]
    public async Task TheDocumentUrlServesTheFormatAskedFor(string format, string start)
    {
        await using var sandbox = await StartAsync();
        var api = new GovernmentInvoicesApi(sandbox.Client());
        await api.CreateGovernmentInvoiceAsync(new GovernmentInvoiceRequest(Shipment(), null), CancellationToken.None);
        using var http = new HttpClient();

        var document = await api.GetGovernmentInvoiceDocumentAsync(Shipment(), format, CancellationToken.None);
        var body = await http.GetStringAsync(document.InvoiceDocumentUrl);

        Assert.Contains(start, body);
        Assert.Contains(sandbox.State.GovernmentInvoices.All.Single().AccessKey, body);
        Assert.DoesNotContain("X-Amz-Signature", document.ToString());
    }

    [Fact]
    public async Task TheReportedRateReplacesTheDefaultOfOneAMinute()
    {
        await using var sandbox = await StartAsync(o => o.RateOverrides[SpApiOperations.GetGovernmentInvoiceStatus.Key] = 0.5);
        var client = sandbox.Client();
        var api = new GovernmentInvoicesApi(client);
        await api.CreateGovernmentInvoiceAsync(new GovernmentInvoiceRequest(Shipment(), null), CancellationToken.None);
        var bucket = client.BucketFor(SpApiOperations.GetGovernmentInvoiceStatus);
        var before = bucket.Rate;

        await api.GetGovernmentInvoiceStatusAsync(Shipment(), CancellationToken.None);

        Assert.Equal(0.0167, before);
        Assert.Equal(0.5, bucket.Rate);
    }

    private static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"\"{p.Name}\":{Canonical(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        _ => element.GetRawText(),
    };
}
