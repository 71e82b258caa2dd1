using System.Net;

namespace SpApi.Core.Endpoints;

/// <summary>Resolves and checks the SP-API and Login with Amazon base addresses.</summary>
public static class SpApiEndpoint
{
    /// <summary>The LWA token endpoint; it is the same for every region.</summary>
    public static Uri DefaultTokenEndpoint { get; } = new("https://api.amazon.com/auth/o2/token");

    /// <summary>The SP-API host of a region, production or sandbox.</summary>
    public static Uri ForRegion(SpApiRegion region, bool sandbox)
    {
        var suffix = region switch
        {
            SpApiRegion.NA => "na",
            SpApiRegion.EU => "eu",
            SpApiRegion.FE => "fe",
            _ => throw new ArgumentOutOfRangeException(nameof(region), region, "The region must be NA, EU or FE."),
        };
        return new Uri($"https://{(sandbox ? "sandbox." : string.Empty)}sellingpartnerapi-{suffix}.amazon.com/");
    }

    /// <summary>
    /// Checks a custom endpoint (a gateway or a local sandbox). It must be absolute and use https;
    /// plain http is allowed only for a loopback host, because tokens travel in its headers.
    /// </summary>
    public static Uri Validate(Uri endpoint, string parameterName)
    {
        if (endpoint is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (!endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException($"The endpoint '{endpoint}' must be an absolute URI such as https://host/.", parameterName);
        }

        if (endpoint.Scheme == Uri.UriSchemeHttps)
        {
            return endpoint;
        }

        if (endpoint.Scheme == Uri.UriSchemeHttp)
        {
            if (IsLoopback(endpoint))
            {
                return endpoint;
            }

            throw new ArgumentException(
                $"The endpoint '{endpoint}' uses plain http to a host that is not loopback. Use https: tokens travel in the request headers. Plain http is allowed only for 127.0.0.1, ::1 or localhost.",
                parameterName);
        }

        throw new ArgumentException($"The endpoint '{endpoint}' must use https (or http to a loopback host).", parameterName);
    }

    internal static bool IsLoopback(Uri uri)
    {
        if (uri.IsLoopback)
        {
            return true;
        }

        return IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
    }
}
