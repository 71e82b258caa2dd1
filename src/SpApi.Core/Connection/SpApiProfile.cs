using System.Text.Json.Serialization;
using SpApi.Core.Endpoints;

namespace SpApi.Core.Connection;

/// <summary>A stored secret: its protection and the (possibly encrypted) value.</summary>
internal sealed class StoredSecret
{
    [JsonPropertyName("protection")]
    public string Protection { get; set; } = string.Empty;

    [JsonPropertyName("value")]
    public string? Value { get; set; }
}

/// <summary>One named profile as stored in profiles.json.</summary>
internal sealed class StoredProfile
{
    [JsonPropertyName("clientId")]
    public string? ClientId { get; set; }

    [JsonPropertyName("clientSecret")]
    public StoredSecret? ClientSecret { get; set; }

    [JsonPropertyName("refreshToken")]
    public StoredSecret? RefreshToken { get; set; }

    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    [JsonPropertyName("region")]
    public SpApiRegion? Region { get; set; }

    [JsonPropertyName("marketplaceId")]
    public string? MarketplaceId { get; set; }

    [JsonPropertyName("sandbox")]
    public bool Sandbox { get; set; }

    [JsonPropertyName("endpoint")]
    public Uri? Endpoint { get; set; }

    [JsonPropertyName("tokenEndpoint")]
    public Uri? TokenEndpoint { get; set; }
}

/// <summary>The whole profile file.</summary>
internal sealed class StoredProfiles
{
    [JsonPropertyName("profiles")]
    public Dictionary<string, StoredProfile> Profiles { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>What Save-SpApiProfile, Get-SpApiProfile and Remove-SpApiProfile report: the profile without its secrets.</summary>
public sealed class SpApiProfileInfo
{
    /// <summary>The profile name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The file that holds it.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>The LWA client id.</summary>
    public string ClientId { get; init; } = string.Empty;

    /// <summary>The region, when the profile sets one.</summary>
    public SpApiRegion? Region { get; init; }

    /// <summary>The marketplace id, when the profile sets one.</summary>
    public string? MarketplaceId { get; init; }

    /// <summary>Whether the region's sandbox host is used.</summary>
    public bool Sandbox { get; init; }

    /// <summary>The custom SP-API endpoint, when the profile sets one.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The custom LWA token endpoint, when the profile sets one.</summary>
    public Uri? TokenEndpoint { get; init; }

    /// <summary>True when the profile holds a scope for grantless calls instead of a refresh token.</summary>
    public bool Grantless { get; init; }

    /// <summary>How the secrets are protected: dpapi or file-permissions.</summary>
    public string SecretProtection { get; init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({ClientId})";
}
