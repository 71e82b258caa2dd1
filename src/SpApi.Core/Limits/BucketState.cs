using System.Globalization;

namespace SpApi.Core.Limits;

/// <summary>
/// One token bucket as it stands between two calls: what a process keeps in memory, or what the shared file holds
/// for every process of the user. Small and plain, so a file of it is one short line.
/// </summary>
internal readonly struct BucketState
{
    private const string Version = "1";

    public BucketState(double tokens, long refilledAtUtcTicks, double rate)
    {
        Tokens = tokens;
        RefilledAtUtcTicks = refilledAtUtcTicks;
        Rate = rate;
    }

    /// <summary>
    /// The tokens left when the bucket was last brought up to date. Below zero when calls already hold later
    /// slots: each call takes its token at once and waits for the slot it took, so callers are served in order.
    /// </summary>
    public double Tokens { get; }

    /// <summary>When <see cref="Tokens"/> was brought up to date; in the future while refilling has not started yet.</summary>
    public long RefilledAtUtcTicks { get; }

    /// <summary>The server's rate in force, in requests per second, unscaled: the documented one or x-amzn-RateLimit-Limit's.</summary>
    public double Rate { get; }

    public string ToText() => string.Join(
        ";",
        Version,
        Tokens.ToString("R", CultureInfo.InvariantCulture),
        RefilledAtUtcTicks.ToString(CultureInfo.InvariantCulture),
        Rate.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Reads <see cref="ToText"/>'s line; false for anything else (a torn write, another version, an edit).</summary>
    public static bool TryParse(string text, out BucketState state)
    {
        state = default;
        var parts = text.Trim().Split(';');
        if (parts.Length != 4
            || parts[0] != Version
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var tokens)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var refilledAt)
            || !double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
            || double.IsNaN(tokens) || double.IsInfinity(tokens)
            || refilledAt < DateTimeOffset.MinValue.UtcTicks || refilledAt > DateTimeOffset.MaxValue.UtcTicks
            || !(rate > 0) || double.IsInfinity(rate))
        {
            return false;
        }

        state = new BucketState(tokens, refilledAt, rate);
        return true;
    }
}
