using SpApi.Core.Endpoints;
using SpApi.Core.Http;
using SpApi.Tests.Support;

namespace SpApi.Tests.Core;

/// <summary>Core part 3 (endpoints): regions, marketplaces, custom endpoints and the loopback rule.</summary>
public sealed class EndpointTests
{
    [Theory]
    [InlineData(SpApiRegion.NA, false, "https://sellingpartnerapi-na.amazon.com/")]
    [InlineData(SpApiRegion.EU, false, "https://sellingpartnerapi-eu.amazon.com/")]
    [InlineData(SpApiRegion.FE, false, "https://sellingpartnerapi-fe.amazon.com/")]
    [InlineData(SpApiRegion.NA, true, "https://sandbox.sellingpartnerapi-na.amazon.com/")]
    [InlineData(SpApiRegion.EU, true, "https://sandbox.sellingpartnerapi-eu.amazon.com/")]
    [InlineData(SpApiRegion.FE, true, "https://sandbox.sellingpartnerapi-fe.amazon.com/")]
    public void EachRegionHasAProductionAndASandboxHost(SpApiRegion region, bool sandbox, string expected) =>
        Assert.Equal(new Uri(expected), SpApiEndpoint.ForRegion(region, sandbox));

    [Theory]
    [InlineData("http://example.com/")]
    [InlineData("http://10.0.0.5:8080/")]
    [InlineData("http://sellingpartnerapi-eu.amazon.com/")]
    public void PlainHttpToANonLoopbackHostIsRefused(string endpoint)
    {
        var error = Assert.Throws<ArgumentException>(() => new SpApiClientOptions(SandboxHarness.Credentials(), new Uri(endpoint)));

        Assert.Equal("endpoint", error.ParamName);
        Assert.Contains("loopback", error.Message);
    }

    [Fact]
    public void PlainHttpTokenEndpointToANonLoopbackHostIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new SpApiClientOptions(SandboxHarness.Credentials(), new Uri("https://gateway.example.com/"), new Uri("http://auth.example.com/token")));

        Assert.Equal("tokenEndpoint", error.ParamName);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5055/")]
    [InlineData("http://localhost:5055/")]
    [InlineData("http://[::1]:5055/")]
    [InlineData("https://gateway.example.com/spapi/")]
    public void HttpsAnywhereAndHttpToLoopbackAreAccepted(string endpoint) =>
        Assert.Equal(new Uri(endpoint), SpApiEndpoint.Validate(new Uri(endpoint), "Endpoint"));

    [Fact]
    public void RelativeAndNonHttpEndpointsAreRefused()
    {
        Assert.Contains("absolute", Assert.Throws<ArgumentException>(() => SpApiEndpoint.Validate(new Uri("/relative", UriKind.Relative), "Endpoint")).Message);
        Assert.Equal("Endpoint", Assert.Throws<ArgumentException>(() => SpApiEndpoint.Validate(new Uri("ftp://127.0.0.1/"), "Endpoint")).ParamName);
    }

    [Fact]
    public void EveryMarketplaceIsListedOnceWithItsRegion()
    {
        Assert.Equal(23, Marketplace.All.Count);
        Assert.Equal(Marketplace.All.Count, Marketplace.All.Select(m => m.Id).Distinct().Count());
        Assert.Equal(SpApiRegion.EU, Marketplace.Get("A21TJRUUN4KGV", "MarketplaceId").Region);
        Assert.Equal(SpApiRegion.NA, Marketplace.Get("A2Q3Y263D00KWC", "MarketplaceId").Region);
        Assert.Equal(SpApiRegion.FE, Marketplace.Get("A1VC38T7YXB528", "MarketplaceId").Region);
        Assert.Equal(4, Marketplace.All.Count(m => m.Region == SpApiRegion.NA));
        Assert.Equal(3, Marketplace.All.Count(m => m.Region == SpApiRegion.FE));
    }

    [Fact]
    public void AnUnknownMarketplaceIsAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => Marketplace.Get("XX123", "MarketplaceId"));

        Assert.Equal("MarketplaceId", error.ParamName);
        Assert.Contains("'XX123' is not an SP-API marketplace id", error.Message);
    }
}
