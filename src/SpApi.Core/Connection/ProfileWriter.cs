namespace SpApi.Core.Connection;

/// <summary>Saves a connection request as a named profile, protecting its secrets.</summary>
public static class ProfileWriter
{
    /// <summary>Validates the request as Connect-SpApi would, then writes it. Nothing is sent to Amazon.</summary>
    public static SpApiProfileInfo Save(string name, ConnectionRequest request, bool overwrite, Func<string, string?> environment)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (request.ProfileName is not null)
        {
            throw new ArgumentException("A profile is saved from parameters, not from another profile.", "ProfileName");
        }

        if (request.ClientId is null || request.ClientSecret is null)
        {
            throw new ArgumentException("Save-SpApiProfile needs -ClientId and -ClientSecret (or -Credential), and -RefreshToken or -Scope.", "ClientId");
        }

        // Resolve first: the same rules as Connect-SpApi, so a profile that is saved can be used.
        var resolved = ConnectionResolver.Resolve(request, environment);
        var store = ProfileStore.FromEnvironment(environment);
        var clientSecret = SecretProtector.Protect(request.ClientSecret);
        store.Save(name, new StoredProfile
        {
            ClientId = resolved.Credentials.ClientId,
            ClientSecret = clientSecret,
            RefreshToken = request.RefreshToken is null ? null : SecretProtector.Protect(request.RefreshToken),
            Scope = resolved.Credentials.Scope,
            Region = request.Region,
            MarketplaceId = request.MarketplaceId,
            Sandbox = request.Sandbox,
            Endpoint = request.Endpoint,
            TokenEndpoint = request.TokenEndpoint,
        }, overwrite);
        return new SpApiProfileInfo
        {
            Name = name,
            Path = store.Path,
            ClientId = resolved.Credentials.ClientId,
            Region = resolved.Region,
            MarketplaceId = resolved.MarketplaceId,
            SecretProtection = clientSecret.Protection,
        };
    }
}
