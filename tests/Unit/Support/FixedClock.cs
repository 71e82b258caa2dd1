namespace SpApi.Tests.Support;

/// <summary>
/// A clock standing at a given time, for what reads "now" only: customer-invoice ranges are clipped to Amazon's
/// six months before now, so tests with fixed dates read them at a fixed now, not at the day the tests run.
/// </summary>
internal static class FixedClock
{
    public static FakeTimeProvider At(DateTimeOffset now)
    {
        var clock = new FakeTimeProvider();
        clock.Advance(now - clock.GetUtcNow());
        return clock;
    }
}
