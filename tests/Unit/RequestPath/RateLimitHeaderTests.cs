using System.Net;
using SpApi.Core.Http;

namespace SpApi.Tests.RequestPath;

/// <summary>Which x-amzn-RateLimit-Limit values are believed: finite rates from 0.0055 to 1000 per second.</summary>
public sealed class RateLimitHeaderTests
{
    [Theory]
    [InlineData("0.0000001")]
    [InlineData("0.001")]
    [InlineData("0.005")]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1000000")]
    [InlineData("fast")]
    public void AValueNoOperationCouldHaveIsIgnored(string reported) => Assert.Null(With(reported).RateLimit);

    [Theory]
    [InlineData("0.0056", 0.0056)]
    [InlineData("0.0167", 0.0167)]
    [InlineData("10", 10)]
    [InlineData("1000", 1000)]
    public void APublishedRateIsBelieved(string reported, double rate) => Assert.Equal(rate, With(reported).RateLimit);

    private static RawResponse With(string reported) =>
        new(HttpStatusCode.OK, Array.Empty<byte>(), new[] { new KeyValuePair<string, string>("x-amzn-RateLimit-Limit", reported) });
}
