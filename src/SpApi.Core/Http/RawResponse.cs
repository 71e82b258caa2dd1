using System.Globalization;
using System.Net;

namespace SpApi.Core.Http;

/// <summary>A buffered HTTP response: what the retry policy, the error mapper and the logs look at.</summary>
internal sealed class RawResponse
{
    public RawResponse(HttpStatusCode status, byte[] body, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        Status = status;
        Body = body;
        Headers = headers;
    }

    public HttpStatusCode Status { get; }

    public byte[] Body { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public string? RequestId => Header("x-amzn-RequestId");

    /// <summary>
    /// The lowest rate believed from x-amzn-RateLimit-Limit, per second: just under SP-API's lowest published
    /// rate (0.0056/s, one call every three minutes). A lower value would stall paging for hours or overflow a timer.
    /// </summary>
    public const double MinSaneRate = 0.0055;

    /// <summary>The highest rate believed: far above any published one (the highest are tens per second).</summary>
    public const double MaxSaneRate = 1000;

    /// <summary>The x-amzn-RateLimit-Limit value, when the server sent a sane one (a finite rate within <see cref="MinSaneRate"/> and <see cref="MaxSaneRate"/>).</summary>
    public double? RateLimit =>
        double.TryParse(Header("x-amzn-RateLimit-Limit"), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
        && rate is >= MinSaneRate and <= MaxSaneRate ? rate : null;

    /// <summary>A Retry-After given in seconds, when present.</summary>
    public TimeSpan? RetryAfter =>
        double.TryParse(Header("Retry-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    public string? Header(string name)
    {
        foreach (var header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }
}
