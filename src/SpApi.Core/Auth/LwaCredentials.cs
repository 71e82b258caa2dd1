using SpApi.Core.Security;

namespace SpApi.Core.Auth;

/// <summary>
/// Login with Amazon credentials: an app's client id and secret plus either a seller's or vendor's
/// refresh token (the usual case) or a scope for grantless operations.
/// </summary>
public sealed class LwaCredentials
{
    private LwaCredentials(string clientId, SpApiSecret clientSecret, SpApiSecret? refreshToken, string? scope)
    {
        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new ArgumentException("The LWA client id must not be empty; it looks like amzn1.application-oa2-client.<id>.", nameof(clientId));
        }

        ClientId = clientId.Trim();
        ClientSecret = clientSecret ?? throw new ArgumentNullException(nameof(clientSecret), "The LWA client secret is required.");
        RefreshToken = refreshToken;
        Scope = scope;

        // Hashed once here: every request looks its rate-limit bucket up by it.
        AccountKey = refreshToken is null ? $"{ClientId}|scope:{scope}" : $"{ClientId}|rt:{refreshToken.Fingerprint}";
    }

    /// <summary>The app's LWA client id (not a secret).</summary>
    public string ClientId { get; }

    /// <summary>The grantless scope, or null for refresh-token credentials.</summary>
    public string? Scope { get; }

    /// <summary>True for client_credentials (grantless) credentials.</summary>
    public bool IsGrantless => RefreshToken is null;

    internal SpApiSecret ClientSecret { get; }

    internal SpApiSecret? RefreshToken { get; }

    /// <summary>
    /// Identifies the selling-partner authorisation without revealing it: the rate-limit buckets and
    /// the token caches are keyed by it.
    /// </summary>
    internal string AccountKey { get; }

    /// <summary>Credentials for the refresh_token grant.</summary>
    public static LwaCredentials ForRefreshToken(string clientId, SpApiSecret clientSecret, SpApiSecret refreshToken) =>
        new(clientId, clientSecret, refreshToken ?? throw new ArgumentNullException(nameof(refreshToken), "The LWA refresh token is required."), null);

    /// <summary>Credentials for the client_credentials grant with one or more space-separated scopes.</summary>
    public static LwaCredentials ForScope(string clientId, SpApiSecret clientSecret, string scope)
    {
        if (string.IsNullOrWhiteSpace(scope))
        {
            throw new ArgumentException("A grantless scope such as sellingpartnerapi::notifications is required.", nameof(scope));
        }

        return new LwaCredentials(clientId, clientSecret, null, scope.Trim());
    }

    /// <inheritdoc />
    public override string ToString() =>
        IsGrantless ? $"LWA client {ClientId}, scope {Scope}" : $"LWA client {ClientId}, refresh token [redacted]";
}
