using SpApi.Core.Limits;

namespace SpApi.Tests.Core;

/// <summary>SPAPI_RATE_SCALE speeds up buckets for a local sandbox, and nothing else gets through.</summary>
public sealed class RateScaleTests
{
    [Theory]
    [InlineData("60", 60)]
    [InlineData("0.5", 0.5)]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("fast", 1)]
    [InlineData("0", 1)]
    [InlineData("-5", 1)]
    [InlineData("Infinity", 1)]
    public void TheVariableIsReadSafely(string? value, double expected) =>
        Assert.Equal(expected, RateLimiterRegistry.ScaleFromEnvironment(value));
}
