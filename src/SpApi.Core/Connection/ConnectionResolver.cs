using SpApi.Core.Auth;
using SpApi.Core.Endpoints;
using SpApi.Core.Security;

namespace SpApi.Core.Connection;

/// <summary>
/// Settles a connection request. Credentials come from exactly one source: the parameters, a named
/// profile (which must exist), or the SPAPI_* environment variables. Endpoints: parameter, then
/// profile, then SPAPI_ENDPOINT / SPAPI_TOKEN_ENDPOINT, then the region's host.
/// </summary>
public static class ConnectionResolver
{
    /// <summary>The environment variables read.</summary>
    public const string ClientIdVariable = "SPAPI_CLIENT_ID";

    /// <inheritdoc cref="ClientIdVariable"/>
    public const string ClientSecretVariable = "SPAPI_CLIENT_SECRET";

    /// <inheritdoc cref="ClientIdVariable"/>
    public const string RefreshTokenVariable = "SPAPI_REFRESH_TOKEN";

    /// <inheritdoc cref="ClientIdVariable"/>
    public const string EndpointVariable = "SPAPI_ENDPOINT";

    /// <inheritdoc cref="ClientIdVariable"/>
    public const string TokenEndpointVariable = "SPAPI_TOKEN_ENDPOINT";

    /// <inheritdoc cref="ClientIdVariable"/>
    public const string RegionVariable = "SPAPI_REGION";

    /// <summary>Resolves the request; <paramref name="environment"/> reads an environment variable.</summary>
    public static ResolvedConnection Resolve(ConnectionRequest request, Func<string, string?> environment)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        environment ??= Environment.GetEnvironmentVariable;
        StoredProfile? profile = null;
        LwaCredentials credentials;
        CredentialSource source;
        if (!string.IsNullOrWhiteSpace(request.ProfileName))
        {
            profile = ProfileStore.FromEnvironment(environment).Load(request.ProfileName!);
            credentials = FromProfile(profile, request.ProfileName!);
            source = CredentialSource.Profile;
        }
        else if (request.ClientId is not null || request.ClientSecret is not null || request.RefreshToken is not null)
        {
            credentials = Build(
                request.ClientId ?? throw new ArgumentException("-ClientId is required when credentials are given as parameters.", "ClientId"),
                request.ClientSecret ?? throw new ArgumentException("-ClientSecret is required when credentials are given as parameters (or -Credential instead of both).", "ClientSecret"),
                request.RefreshToken, request.Scope, "RefreshToken", "pass -RefreshToken, or -Scope");
            source = CredentialSource.Parameters;
        }
        else
        {
            credentials = FromEnvironment(environment, request.Scope);
            source = CredentialSource.Environment;
        }

        var marketplaceId = request.MarketplaceId ?? profile?.MarketplaceId;
        var marketplace = marketplaceId is null ? null : Marketplace.Get(marketplaceId, "MarketplaceId");
        // A marketplace implies its region; only an explicit -Region can contradict it, not a profile's or SPAPI_REGION.
        var region = request.Region ?? marketplace?.Region ?? profile?.Region ?? ParseRegion(environment(RegionVariable));
        if (region is not null && marketplace is not null && marketplace.Region != region)
        {
            throw new ArgumentException(
                $"The marketplace {marketplace} is served by the {marketplace.Region} region, not {region}. Leave -Region out or pick {marketplace.Region}.", "Region");
        }

        var sandbox = request.Sandbox || profile?.Sandbox == true;
        var endpoint = request.Endpoint ?? profile?.Endpoint ?? ParseUri(environment(EndpointVariable), EndpointVariable);
        if (endpoint is null)
        {
            endpoint = region is { } r
                ? SpApiEndpoint.ForRegion(r, sandbox)
                : throw new ArgumentException("Say where to connect: give -Region (NA, EU or FE), -MarketplaceId, or -Endpoint.", "Region");
        }

        var tokenEndpoint = request.TokenEndpoint ?? profile?.TokenEndpoint
            ?? ParseUri(environment(TokenEndpointVariable), TokenEndpointVariable) ?? SpApiEndpoint.DefaultTokenEndpoint;
        return new ResolvedConnection(
            credentials,
            SpApiEndpoint.Validate(endpoint, "Endpoint"),
            SpApiEndpoint.Validate(tokenEndpoint, "TokenEndpoint"),
            region, marketplaceId, sandbox, source, profile is null ? null : request.ProfileName);
    }

    private static LwaCredentials FromProfile(StoredProfile profile, string name)
    {
        var clientId = profile.ClientId ?? throw new InvalidOperationException($"The profile '{name}' has no clientId.");
        var secret = SecretProtector.Unprotect(profile.ClientSecret ?? new StoredSecret(), "client secret", name);
        var refreshToken = profile.RefreshToken is null ? null : SecretProtector.Unprotect(profile.RefreshToken, "refresh token", name);
        return Build(clientId, secret, refreshToken, profile.Scope, "ProfileName", $"the profile '{name}' has neither; save it again with -RefreshToken or -Scope");
    }

    private static LwaCredentials FromEnvironment(Func<string, string?> environment, string? scope)
    {
        var clientId = environment(ClientIdVariable);
        var secret = environment(ClientSecretVariable);
        var refreshToken = environment(RefreshTokenVariable);
        var variables = new[] { (Name: ClientIdVariable, Value: clientId), (Name: ClientSecretVariable, Value: secret), (Name: RefreshTokenVariable, Value: refreshToken) };
        var set = variables.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => v.Name).ToList();
        // A grantless scope stands in for the refresh token.
        var missing = variables.Where(v => string.IsNullOrWhiteSpace(v.Value) && !(v.Name == RefreshTokenVariable && !string.IsNullOrWhiteSpace(scope)))
            .Select(v => v.Name).ToList();
        if (set.Count == 0)
        {
            throw new ArgumentException(
                $"No credentials were given. Pass -ClientId, -ClientSecret and -RefreshToken (or -Credential), name a profile with -ProfileName, or set {ClientIdVariable}, {ClientSecretVariable} and {RefreshTokenVariable}.",
                "ClientId");
        }

        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"The credentials in the environment are incomplete: {Listed(missing)} {(missing.Count == 1 ? "is" : "are")} not set, while {Listed(set)} {(set.Count == 1 ? "is" : "are")}. "
                + $"Set {(missing.Count == 1 ? "it" : "them")}, or pass -ClientId, -ClientSecret and -RefreshToken (or -Credential), or name a profile with -ProfileName.",
                missing[0]);
        }

        return Build(clientId!, new SpApiSecret(secret!), string.IsNullOrWhiteSpace(refreshToken) ? null : new SpApiSecret(refreshToken!), scope, RefreshTokenVariable, $"set {RefreshTokenVariable}");
    }

    private static LwaCredentials Build(string clientId, SpApiSecret secret, SpApiSecret? refreshToken, string? scope, string refreshTokenName, string remedy)
    {
        if (refreshToken is not null && !string.IsNullOrWhiteSpace(scope))
        {
            throw new ArgumentException("Give either a refresh token (seller or vendor authorised calls) or a scope (grantless calls), not both.", "Scope");
        }

        if (refreshToken is not null)
        {
            return LwaCredentials.ForRefreshToken(clientId, secret, refreshToken);
        }

        if (!string.IsNullOrWhiteSpace(scope))
        {
            return LwaCredentials.ForScope(clientId, secret, scope!);
        }

        throw new ArgumentException($"A refresh token is required (or a scope for grantless calls): {remedy}.", refreshTokenName);
    }

    // "A", "A and B", "A, B and C".
    private static string Listed(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[names.Count - 1]}";

    private static SpApiRegion? ParseRegion(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Enum.TryParse<SpApiRegion>(value, ignoreCase: true, out var region) && Enum.IsDefined(typeof(SpApiRegion), region)
            ? region
            : throw new ArgumentException($"{RegionVariable} is '{value}'; it must be NA, EU or FE.", RegionVariable);
    }

    private static Uri? ParseUri(string? value, string variable)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new ArgumentException($"{variable} is '{value}', which is not an absolute URI.", variable);
    }
}
