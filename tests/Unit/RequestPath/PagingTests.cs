using SpApi.Core.Apis;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Http;
using SpApi.Core.Operations;
using SpApi.Tests.Support;
using static SpApi.Tests.RequestPath.RateLimitTests;

namespace SpApi.Tests.RequestPath;

/// <summary>Core part 6 (paging): one pager for every nextToken shape.</summary>
public sealed class PagingTests
{
    [Theory]
    [InlineData(DirectFulfillmentVersion.LegacyName)]
    [InlineData(DirectFulfillmentVersion.CurrentName)]
    public async Task BothEnvelopeShapesArePagedToTheEnd(string versionName)
    {
        // v1: payload.pagination.nextToken; 2021-12-28: pagination.nextToken at the top.
        await using var sandbox = await SandboxHarness.StartAsync(UseInvoices(25));
        var api = new CustomerInvoicesApi(sandbox.Client(), DirectFulfillmentVersion.Parse(versionName));

        var pages = await api.GetCustomerInvoicePagesAsync(Window(limit: 7), CancellationToken.None).ToListAsync();

        Assert.Equal(new[] { 7, 7, 7, 4 }, pages.Select(p => p.CustomerInvoices.Count));
        var numbers = pages.SelectMany(p => p.CustomerInvoices).Select(i => i.PurchaseOrderNumber).ToList();
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"PO{i:D8}").OrderByDescending(n => n), numbers);
    }

    [Fact]
    public async Task ATopLevelNextTokenIsFollowed()
    {
        // Tax Invoices put nextToken at the top of the response.
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new SpApi.Core.Apis.TaxInvoices.TaxInvoicesApi(sandbox.Client());

        var pages = await api.GetInvoicesExportPagesAsync("A2Q3Y263D00KWC", null, null, null, 5, CancellationToken.None).ToListAsync();

        Assert.Equal(new[] { 5, 5, 2 }, pages.Select(p => p.Exports.Count));
        Assert.Equal(12, pages.SelectMany(p => p.Exports).Select(e => e.ExportId).Distinct().Count());
        Assert.Null(pages[^1].NextToken);
    }

    [Fact]
    public async Task PagesStreamOneByOne()
    {
        await using var sandbox = await SandboxHarness.StartAsync(UseInvoices(30));
        var api = new CustomerInvoicesApi(sandbox.Client());

        await foreach (var page in api.GetCustomerInvoicePagesAsync(Window(limit: 10), CancellationToken.None))
        {
            // The first page is in hand before the second is requested.
            Assert.Equal(1, sandbox.Counters.RequestsFor("getCustomerInvoices"));
            Assert.Equal(10, page.CustomerInvoices.Count);
            break;
        }
    }

    [Fact]
    public async Task ARepeatedNextTokenStopsWithAClearErrorInsteadOfLooping()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o =>
        {
            UseInvoices(30)(o);
            o.RepeatNextToken = true;
        });
        var api = new CustomerInvoicesApi(sandbox.Client());

        var error = await Assert.ThrowsAsync<SpApiException>(() => api.GetCustomerInvoicePagesAsync(Window(limit: 5), CancellationToken.None).ToListAsync());

        Assert.Equal(SpApiFailureKind.RepeatedNextToken, error.Kind);
        Assert.Null(error.AmazonErrorCode);
        Assert.Equal(2, sandbox.Counters.RequestsFor("getCustomerInvoices"));
    }

    [Fact]
    public void TheNextTokenAndEveryOtherValueAreUrlEncoded()
    {
        var request = new SpApiRequest(SpApiOperations.GetCustomerInvoice)
            .WithPath("purchaseOrderNumber", "PO 1/2")
            .WithQuery("shipFromPartyId", "W&H=1")
            .WithNextToken("a+b/c==");

        Assert.Equal(
            "/vendor/directFulfillment/shipping/2021-12-28/customerInvoices/PO%201%2F2?shipFromPartyId=W%26H%3D1&nextToken=a%2Bb%2Fc%3D%3D",
            request.RelativeUri());
    }

    [Fact]
    public void DatesAreSentAsIso8601Utc()
    {
        var request = new SpApiRequest(SpApiOperations.GetCustomerInvoices)
            .WithQuery("createdAfter", new DateTimeOffset(2026, 11, 1, 12, 30, 0, TimeSpan.FromHours(5.5)));

        Assert.EndsWith("?createdAfter=2026-11-01T07%3A00%3A00.000Z", request.RelativeUri());
    }
}
