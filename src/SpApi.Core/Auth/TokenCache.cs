using System.Collections.Concurrent;
using SpApi.Core.Security;

namespace SpApi.Core.Auth;

/// <summary>
/// Access tokens and restricted data tokens of the process, each reused until its lifetime (minus a
/// safety margin) runs out. A single caller fetches a missing token while the others wait for it.
/// </summary>
public sealed class TokenCache
{
    private readonly ConcurrentDictionary<string, Slot> slots = new(StringComparer.Ordinal);

    /// <summary>The cache every connection uses unless told otherwise.</summary>
    public static TokenCache Shared { get; } = new();

    /// <summary>Returns the cached token for the key, or fetches one: at most one fetch runs per key.</summary>
    internal async Task<SpApiSecret> GetAsync(
        string key,
        Func<CancellationToken, Task<(SpApiSecret Token, TimeSpan Lifetime)>> fetch,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var slot = slots.GetOrAdd(key, _ => new Slot());
        if (slot.Current(time) is { } cached)
        {
            return cached;
        }

        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (slot.Current(time) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var (token, lifetime) = await fetch(cancellationToken).ConfigureAwait(false);
            slot.Store(token, time.GetUtcNow() + lifetime - SafetyMargin(lifetime));
            return token;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>Forgets the token if it is still the one the server refused.</summary>
    internal void Invalidate(string key, SpApiSecret refused)
    {
        if (slots.TryGetValue(key, out var slot))
        {
            slot.Forget(refused);
        }
    }

    // A minute early, as Amazon's helpers do, but never more than a tenth of a short lifetime.
    private static TimeSpan SafetyMargin(TimeSpan lifetime) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(60).Ticks, lifetime.Ticks / 10));

    private sealed class Slot
    {
        private readonly object sync = new();
        private SpApiSecret? token;
        private DateTimeOffset refreshAt;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public SpApiSecret? Current(TimeProvider time)
        {
            lock (sync)
            {
                return token is not null && time.GetUtcNow() < refreshAt ? token : null;
            }
        }

        public void Store(SpApiSecret value, DateTimeOffset until)
        {
            lock (sync)
            {
                token = value;
                refreshAt = until;
            }
        }

        public void Forget(SpApiSecret refused)
        {
            lock (sync)
            {
                if (ReferenceEquals(token, refused))
                {
                    token = null;
                }
            }
        }
    }
}
