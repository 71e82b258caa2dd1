using SpApi.Core.Apis;
using Xunit;

namespace SpApi.Tests.Core;

/// <summary>The one Direct Fulfillment version type: its wire strings round-trip, and nothing else parses.</summary>
public sealed class DirectFulfillmentVersionTests
{
    [Theory]
    [InlineData(DirectFulfillmentVersion.CurrentName)]
    [InlineData(DirectFulfillmentVersion.LegacyName)]
    public void AWireStringRoundTrips(string name) => Assert.Equal(name, DirectFulfillmentVersion.Parse(name).ToString());

    [Fact]
    public void TheWireStringsAreTheOnesInThePaths()
    {
        Assert.Equal("2021-12-28", DirectFulfillmentVersion.Current.Name);
        Assert.Equal("v1", DirectFulfillmentVersion.Legacy.Name);
    }

    // PowerShell's ValidateSet ignores case, so -ApiVersion V1 reaches Core and must mean v1.
    [Fact]
    public void ParsingIgnoresCaseAsValidateSetDoes() => Assert.Same(DirectFulfillmentVersion.Legacy, DirectFulfillmentVersion.Parse("V1"));

    [Fact]
    public void AnUnknownVersionNamesTheParameterAndListsTheVersions()
    {
        var error = Assert.Throws<ArgumentException>(() => DirectFulfillmentVersion.Parse("2020-01-01"));

        Assert.Equal("ApiVersion", error.ParamName);
        Assert.StartsWith("ApiVersion must be one of 2021-12-28, v1, not '2020-01-01'.", error.Message);
    }
}
