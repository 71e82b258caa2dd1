using SpApi.Core.Auth;
using SpApi.Core.Limits;

namespace SpApi.Core.Connection;

/// <summary>Saves a connection request as a named profile, protecting its secrets.</summary>
public static class ProfileWriter
{
    /// <summary>
    /// Validates the request as Connect-SpApi would, proves the credentials with a token exchange (through the
    /// connection's one send path, as Connect-SpApi does), then writes the profile. Credentials that Login with
    /// Amazon refuses are not saved.
    /// </summary>
    public static async Task<SpApiProfileInfo> SaveCheckedAsync(
        string name,
        ConnectionRequest request,
        bool overwrite,
        Func<string, string?> environment,
        CancellationToken cancellationToken,
        RateLimiterRegistry? rateLimiters = null,
        TokenCache? tokenCache = null)
    {
        var pending = Prepare(name, request, overwrite, environment);
        using (await SpApiConnection.ConnectAsync(pending.Resolved, cancellationToken, rateLimiters, tokenCache).ConfigureAwait(false))
        {
            // Opening the connection was the check; it is not kept.
        }

        return pending.Write();
    }

    /// <summary>Validates the request as Connect-SpApi would, then writes it. Nothing is sent to Amazon.</summary>
    public static SpApiProfileInfo Save(string name, ConnectionRequest request, bool overwrite, Func<string, string?> environment) =>
        Prepare(name, request, overwrite, environment).Write();

    // Everything that can be refused without the network, in the order a user fixes it.
    private static PendingProfile Prepare(string name, ConnectionRequest request, bool overwrite, Func<string, string?> environment)
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
        // Before the credential check, which may go to the network: a name that is taken fails at once.
        store.RefuseExisting(name, overwrite);

        return new PendingProfile(name, request, resolved, store, overwrite);
    }

    private sealed class PendingProfile
    {
        private readonly string name;
        private readonly ConnectionRequest request;
        private readonly ProfileStore store;
        private readonly bool overwrite;

        public PendingProfile(string name, ConnectionRequest request, ResolvedConnection resolved, ProfileStore store, bool overwrite)
        {
            this.name = name;
            this.request = request;
            Resolved = resolved;
            this.store = store;
            this.overwrite = overwrite;
        }

        public ResolvedConnection Resolved { get; }

        public SpApiProfileInfo Write()
        {
            var profile = new StoredProfile
            {
                ClientId = Resolved.Credentials.ClientId,
                ClientSecret = SecretProtector.Protect(request.ClientSecret!),
                RefreshToken = request.RefreshToken is null ? null : SecretProtector.Protect(request.RefreshToken),
                Scope = Resolved.Credentials.Scope,
                Region = request.Region,
                MarketplaceId = request.MarketplaceId,
                Sandbox = request.Sandbox,
                Endpoint = request.Endpoint,
                TokenEndpoint = request.TokenEndpoint,
            };
            store.Save(name, profile, overwrite);
            return ProfileCatalog.Describe(name, profile, store.Path);
        }
    }
}
