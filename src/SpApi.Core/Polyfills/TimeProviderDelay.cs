namespace SpApi.Core.Polyfills;

/// <summary>Task.Delay on a TimeProvider, for both builds: .NET 8 has it built in, .NET Framework gets it from Microsoft.Bcl.TimeProvider.</summary>
internal static class TimeProviderDelay
{
    public static Task Delay(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return Task.Delay(delay, time, cancellationToken);
#else
        return time.Delay(delay, cancellationToken);
#endif
    }
}
