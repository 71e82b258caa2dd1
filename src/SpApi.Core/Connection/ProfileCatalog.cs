using SpApi.Core.Endpoints;

namespace SpApi.Core.Connection;

/// <summary>The saved profiles as Get-SpApiProfile and Remove-SpApiProfile see them: what each holds, never its secrets.</summary>
public static class ProfileCatalog
{
    /// <summary>Every saved profile, by name; an absent file means none.</summary>
    public static IReadOnlyList<SpApiProfileInfo> List(Func<string, string?> environment)
    {
        var store = ProfileStore.FromEnvironment(environment);
        return store.All()
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Select(p => Describe(p.Key, p.Value, store.Path))
            .ToList();
    }

    /// <summary>Removes the profile and returns what it held; null when no profile has that name.</summary>
    public static SpApiProfileInfo? Remove(string name, Func<string, string?> environment)
    {
        var store = ProfileStore.FromEnvironment(environment);
        return store.Remove(name) is { } profile ? Describe(name, profile, store.Path) : null;
    }

    /// <summary>The failure for a name that no profile has (for -Name), naming the file and the saved profiles.</summary>
    public static ProfileNotFoundException NotFound(string name, Func<string, string?> environment) =>
        ProfileStore.FromEnvironment(environment).NotFound(name, "Name");

    internal static SpApiProfileInfo Describe(string name, StoredProfile profile, string path) => new()
    {
        Name = name,
        Path = path,
        ClientId = profile.ClientId ?? string.Empty,
        // As Connect-SpApi resolves it: a marketplace implies its region.
        Region = profile.Region ?? (Marketplace.TryFind(profile.MarketplaceId, out var marketplace) ? marketplace.Region : null),
        MarketplaceId = profile.MarketplaceId,
        Sandbox = profile.Sandbox,
        Endpoint = profile.Endpoint,
        TokenEndpoint = profile.TokenEndpoint,
        Grantless = profile.RefreshToken is null && !string.IsNullOrWhiteSpace(profile.Scope),
        SecretProtection = profile.ClientSecret?.Protection ?? string.Empty,
    };
}
