using System.Management.Automation;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Endpoints;
using SpApi.PowerShell.Infrastructure;
using SpApi.Tests.Support;

using static SpApi.Tests.TaxInvoices.TaxSandbox;

namespace SpApi.Tests.TaxInvoices;

/// <summary>The Tax Invoices API serves Brazil only: another marketplace is refused before any request, naming -MarketplaceId.</summary>
public sealed class MarketplaceTests
{
    private const string Germany = "A1PA6795UKMFR9";

    public static TheoryData<string> Calls => new() { "getInvoicesAttributes", "getInvoices", "getInvoice", "createInvoicesExport", "getInvoicesExports" };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task AnotherMarketplaceIsRefusedBeforeAnyRequest(string operation)
    {
        await using var sandbox = await StartAsync();
        var api = new TaxInvoicesApi(sandbox.Client());

        var error = await Assert.ThrowsAsync<UnsupportedMarketplaceException>(() => Call(api, operation, Germany));

        Assert.Equal(("MarketplaceId", Germany), (error.ParamName, error.MarketplaceId));
        Assert.StartsWith(
            $"The Tax Invoices API serves the Brazil marketplace ({Brazil}) only, and -MarketplaceId {Germany} is Germany. Use -MarketplaceId {Brazil}",
            error.Message);
        Assert.DoesNotContain("getInvoicesAttributes", error.Message);
        Assert.Equal(0, sandbox.Counters.Requests);
    }

    [Fact]
    public async Task BrazilStillGoesThrough()
    {
        await using var sandbox = await StartAsync();

        await new TaxInvoicesApi(sandbox.Client()).GetInvoicesAttributesAsync(Brazil, CancellationToken.None);

        Assert.Equal(1, sandbox.Counters.RequestsFor("getInvoicesAttributes"));
    }

    [Fact]
    public async Task AnIdThatIsNoMarketplaceAtAllKeepsItsOwnMessage()
    {
        await using var sandbox = await StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new TaxInvoicesApi(sandbox.Client()).GetInvoicesAttributesAsync("XX000", CancellationToken.None));

        Assert.IsNotType<UnsupportedMarketplaceException>(error);
        Assert.Contains("is not an SP-API marketplace id", error.Message);
    }

    [Fact]
    public void ItHasItsOwnStableErrorId() =>
        Assert.Equal(
            (ErrorIds.UnsupportedTaxInvoiceMarketplace, ErrorCategory.InvalidArgument),
            ErrorClassifier.Classify(new UnsupportedMarketplaceException(Marketplace.Get(Germany, "MarketplaceId")), ErrorIds.InvalidInvoiceQuery));

    private static Task Call(TaxInvoicesApi api, string operation, string marketplaceId) => operation switch
    {
        "getInvoicesAttributes" => api.GetInvoicesAttributesAsync(marketplaceId, CancellationToken.None),
        "getInvoices" => api.GetInvoicePagesAsync(new InvoicesQuery { MarketplaceId = marketplaceId }, CancellationToken.None).ToListAsync(),
        "getInvoice" => api.GetInvoiceAsync(marketplaceId, "NFE00000001", CancellationToken.None),
        "createInvoicesExport" => api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = marketplaceId }, CancellationToken.None),
        _ => api.GetInvoicesExportPagesAsync(marketplaceId, null, null, null, null, CancellationToken.None).ToListAsync(),
    };
}
