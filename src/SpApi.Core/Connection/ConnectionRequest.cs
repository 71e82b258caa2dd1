using SpApi.Core.Auth;
using SpApi.Core.Endpoints;
using SpApi.Core.Security;

namespace SpApi.Core.Connection;

/// <summary>Where a connection's credentials came from.</summary>
public enum CredentialSource
{
    /// <summary>Parameters of Connect-SpApi.</summary>
    Parameters,

    /// <summary>A named profile.</summary>
    Profile,

    /// <summary>The SPAPI_* environment variables.</summary>
    Environment,
}

/// <summary>What Connect-SpApi was given. Unset values are resolved from the profile, the environment or defaults.</summary>
public sealed class ConnectionRequest
{
    /// <summary>The LWA client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The LWA client secret.</summary>
    public SpApiSecret? ClientSecret { get; set; }

    /// <summary>The selling partner's refresh token.</summary>
    public SpApiSecret? RefreshToken { get; set; }

    /// <summary>A grantless scope, instead of a refresh token.</summary>
    public string? Scope { get; set; }

    /// <summary>A profile to read the credentials from.</summary>
    public string? ProfileName { get; set; }

    /// <summary>The region.</summary>
    public SpApiRegion? Region { get; set; }

    /// <summary>The default marketplace; it also implies the region.</summary>
    public string? MarketplaceId { get; set; }

    /// <summary>Use the region's sandbox host.</summary>
    public bool Sandbox { get; set; }

    /// <summary>A custom SP-API endpoint (gateway, local sandbox).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>A custom LWA token endpoint.</summary>
    public Uri? TokenEndpoint { get; set; }
}

/// <summary>A connection request with every value settled, ready to open.</summary>
public sealed class ResolvedConnection
{
    internal ResolvedConnection(LwaCredentials credentials, Uri endpoint, Uri tokenEndpoint, SpApiRegion? region, string? marketplaceId, bool sandbox, CredentialSource source, string? profileName)
    {
        Credentials = credentials;
        Endpoint = endpoint;
        TokenEndpoint = tokenEndpoint;
        Region = region;
        MarketplaceId = marketplaceId;
        Sandbox = sandbox;
        Source = source;
        ProfileName = profileName;
    }

    /// <summary>The LWA credentials.</summary>
    public LwaCredentials Credentials { get; }

    /// <summary>The SP-API endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The LWA token endpoint.</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>The region, unless a custom endpoint made it irrelevant.</summary>
    public SpApiRegion? Region { get; }

    /// <summary>The default marketplace id.</summary>
    public string? MarketplaceId { get; }

    /// <summary>Whether the region's sandbox host is used.</summary>
    public bool Sandbox { get; }

    /// <summary>Where the credentials came from.</summary>
    public CredentialSource Source { get; }

    /// <summary>The profile name, when the source is a profile.</summary>
    public string? ProfileName { get; }
}
