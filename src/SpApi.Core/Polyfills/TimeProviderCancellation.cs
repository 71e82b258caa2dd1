namespace SpApi.Core.Polyfills;

/// <summary>
/// A CancellationTokenSource that cancels itself after a delay on a TimeProvider, for both builds: .NET 8
/// has the constructor, .NET Framework gets it from Microsoft.Bcl.TimeProvider.
/// </summary>
internal static class TimeProviderCancellation
{
    public static CancellationTokenSource After(TimeProvider time, TimeSpan delay)
    {
#if NET8_0_OR_GREATER
        return new CancellationTokenSource(delay, time);
#else
        return time.CreateCancellationTokenSource(delay);
#endif
    }
}
