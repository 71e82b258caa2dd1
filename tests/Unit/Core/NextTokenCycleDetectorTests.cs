using SpApi.Core.Paging;

namespace SpApi.Tests.Core;

/// <summary>The pager's loop guard: any cycle is caught, distinct tokens never are.</summary>
public sealed class NextTokenCycleDetectorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(100)]
    public void ACycleOfAnyLengthIsCaughtWithinBrentsBound(int length)
    {
        // Brent's bound: caught within 2 * max(lead-in, length) + length tokens of the first one.
        const int leadIn = 5;
        var detector = new NextTokenCycleDetector();
        for (var i = 0; i < leadIn; i++)
        {
            Assert.True(detector.Accept($"lead-in {i}"));
        }

        var accepted = 0;
        while (detector.Accept($"cycle {accepted % length}"))
        {
            accepted++;
            Assert.True(leadIn + accepted <= (2 * Math.Max(leadIn, length)) + length, $"a cycle of {length} was not caught after {accepted} pages");
        }
    }

    [Fact]
    public void DistinctTokensAreNeverRefused()
    {
        var detector = new NextTokenCycleDetector();
        Assert.All(Enumerable.Range(0, 100_000), i => Assert.True(detector.Accept(i.ToString())));
    }
}
