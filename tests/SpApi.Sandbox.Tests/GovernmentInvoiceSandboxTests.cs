using System.Net;
using System.Text.Json;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Http;
using SpApi.Core.Operations;
using SpApi.Tests.Support;

namespace SpApi.Sandbox.Tests;

/// <summary>
/// The sandbox's government invoice operations: the model's validation of the request, the lifecycle and its
/// ERROR on demand, the document that exists only once authorised, and URLs that lapse on demand.
/// </summary>
public sealed class GovernmentInvoiceSandboxTests
{
    private const string Brazil = "A2Q3Y263D00KWC";

    [Fact]
    public async Task ABodyWithoutAMarketplaceIsRefusedAsTheModelsVectorSays()
    {
        await using var sandbox = await StartAsync();

        var error = await Assert.ThrowsAsync<SpApiException>(() => CreateRawAsync(sandbox, new { shipmentId = "S1", transactionType = "INBOUND_SHIPMENT", invoiceType = "REMITTANCE" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        var entry = Assert.Single(error.Errors);
        Assert.Equal("400", entry.Code);
        Assert.Equal("Request has missing or invalid parameters and cannot be parsed.", entry.Message);
        Assert.Equal("Missing required attribute(s): 'marketplaceId'.", entry.Details);
        Assert.Empty(sandbox.State.GovernmentInvoices.All);
    }

    [Fact]
    public async Task ContextsThatAreNotAnArrayBreakTheModel()
    {
        await using var sandbox = await StartAsync();

        var error = await Assert.ThrowsAsync<SpApiException>(() => CreateRawAsync(sandbox, new { marketplaceId = Brazil, shipmentId = "S1", transactionType = "INBOUND_SHIPMENT", invoiceType = "REMITTANCE", contexts = "carrier" }));

        Assert.Contains("contexts must be an array", Assert.Single(error.Errors).Details);
    }

    [Theory]
    [InlineData("A21TJRUUN4KGV", "INBOUND_SHIPMENT", "REMITTANCE", "Brazil")]
    [InlineData(Brazil, "OUTBOUND", "REMITTANCE", "transactionType 'OUTBOUND'")]
    [InlineData(Brazil, "INBOUND_SHIPMENT", "remittance", "invoiceType 'remittance'")]
    public async Task AnotherMarketplaceOrATypeTheAttributesDoNotListIsRefused(string marketplaceId, string transactionType, string invoiceType, string named)
    {
        await using var sandbox = await StartAsync();

        var error = await Assert.ThrowsAsync<SpApiException>(() => CreateRawAsync(sandbox, new { marketplaceId, shipmentId = "S1", transactionType, invoiceType }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains(named, error.Message + error.Errors.Single().Details);
    }

    [Fact]
    public async Task ARequestSentAgainStartsAgain()
    {
        await using var sandbox = await StartAsync(TimeSpan.FromHours(1));
        var api = new GovernmentInvoicesApi(sandbox.Client());
        await api.CreateGovernmentInvoiceAsync(new GovernmentInvoiceRequest(Shipment("S1"), null), CancellationToken.None);
        var first = sandbox.State.GovernmentInvoices.All.Single();

        await api.CreateGovernmentInvoiceAsync(new GovernmentInvoiceRequest(Shipment("S1"), null), CancellationToken.None);

        var second = sandbox.State.GovernmentInvoices.All.Single();
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("PROCESSING", (await api.GetGovernmentInvoiceStatusAsync(Shipment("S1"), CancellationToken.None)).Status);
    }

    [Fact]
    public async Task TheDocumentExistsOnlyOnceAuthorised()
    {
        await using var sandbox = await StartAsync(TimeSpan.FromHours(1));
        var api = new GovernmentInvoicesApi(sandbox.Client());
        await api.CreateGovernmentInvoiceAsync(new GovernmentInvoiceRequest(Shipment("S1"), null), CancellationToken.None);

        var error = await Assert.ThrowsAsync<SpApiException>(() => api.GetGovernmentInvoiceDocumentAsync(Shipment("S1"), "XML", CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("PROCESSING", error.Message + error.Errors.Single().Message);
    }

    [Fact]
    public async Task ADifferentInboundPlanIsAnotherRequest()
    {
        await using var sandbox = await StartAsync();
        var api = new GovernmentInvoicesApi(sandbox.Client());
        await api.CreateGovernmentInvoiceAsync(new GovernmentInvoiceRequest(Shipment("S1"), null), CancellationToken.None);
        var other = Shipment("S1");
        other.InboundPlanId = "wf-other";

        var error = await Assert.ThrowsAsync<SpApiException>(() => api.GetGovernmentInvoiceStatusAsync(other, CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task TheControlEndpointIssuesTheNextUrlExpiredAndASignatureCannotBeForged()
    {
        await using var sandbox = await StartAsync();
        var api = new GovernmentInvoicesApi(sandbox.Client());
        await api.CreateGovernmentInvoiceAsync(new GovernmentInvoiceRequest(Shipment("S1"), null), CancellationToken.None);
        using var http = new HttpClient();
        (await http.PostAsync(new Uri(sandbox.Server.BaseAddress, "_sandbox/expired-document-urls?count=1"), null)).EnsureSuccessStatusCode();

        var lapsed = await http.GetAsync((await api.GetGovernmentInvoiceDocumentAsync(Shipment("S1"), "XML", CancellationToken.None)).InvoiceDocumentUrl);
        var fresh = (await api.GetGovernmentInvoiceDocumentAsync(Shipment("S1"), "XML", CancellationToken.None)).InvoiceDocumentUrl!;
        var forged = await http.GetAsync(fresh.Replace(".xml?", ".pdf?"));
        var served = await http.GetAsync(fresh);

        Assert.Equal(HttpStatusCode.Forbidden, lapsed.StatusCode);
        Assert.Contains("Request has expired", await lapsed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("SignatureDoesNotMatch", await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(1, sandbox.Counters.DocumentDownloads);
    }

    private static Task<SandboxHarness> StartAsync(TimeSpan? delay = null) =>
        SandboxHarness.StartAsync(o => o.GovernmentInvoiceDelay = delay ?? TimeSpan.Zero, rateScale: 1000);

    private static GovernmentInvoiceShipment Shipment(string shipmentId) => new()
    {
        MarketplaceId = Brazil,
        ShipmentId = shipmentId,
        InboundPlanId = "wf44e473-3f4d-4c6d-a80b-230e644b0c39",
        TransactionType = "INBOUND_SHIPMENT",
        InvoiceType = "REMITTANCE",
    };

    // Past the module's checks: the body as given, to see what the sandbox itself refuses.
    private static Task<JsonElement> CreateRawAsync(SandboxHarness sandbox, object body) =>
        sandbox.Client(maxRetries: 0).SendAsync<JsonElement>(new SpApiRequest(SpApiOperations.CreateGovernmentInvoice).WithJsonBody(body), CancellationToken.None);
}
