using SpApi.Core.Auth;
using SpApi.Core.Endpoints;
using SpApi.Core.Http;
using SpApi.Core.Limits;

namespace SpApi.Core.Connection;

/// <summary>
/// A connection to SP-API for one selling-partner account: where it goes and who it is, but never its
/// secrets. It owns the client (and its one HttpClient) that every cmdlet given this connection uses.
/// </summary>
public sealed class SpApiConnection : IDisposable
{
    private SpApiConnection(ResolvedConnection resolved, SpApiClient client, DateTimeOffset connectedAt)
    {
        ClientId = resolved.Credentials.ClientId;
        Region = resolved.Region;
        MarketplaceId = resolved.MarketplaceId;
        Sandbox = resolved.Sandbox;
        Endpoint = resolved.Endpoint;
        TokenEndpoint = resolved.TokenEndpoint;
        Source = resolved.Source;
        ProfileName = resolved.ProfileName;
        Grantless = resolved.Credentials.IsGrantless;
        ConnectedAt = connectedAt;
        Client = client;
    }

    /// <summary>The LWA client id.</summary>
    public string ClientId { get; }

    /// <summary>The region, when the endpoint is a region's.</summary>
    public SpApiRegion? Region { get; }

    /// <summary>The default marketplace id.</summary>
    public string? MarketplaceId { get; }

    /// <summary>Whether the region's sandbox host is used.</summary>
    public bool Sandbox { get; }

    /// <summary>The SP-API endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The LWA token endpoint.</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>Where the credentials came from.</summary>
    public CredentialSource Source { get; }

    /// <summary>The profile, when the credentials came from one.</summary>
    public string? ProfileName { get; }

    /// <summary>True for client_credentials (grantless) connections.</summary>
    public bool Grantless { get; }

    /// <summary>When the credentials were checked.</summary>
    public DateTimeOffset ConnectedAt { get; }

    /// <summary>True once Disconnect-SpApi closed the connection; it can make no more calls.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>The request path of this connection.</summary>
    internal SpApiClient Client { get; }

    /// <summary>Opens a connection and proves the credentials by fetching an access token.</summary>
    public static async Task<SpApiConnection> ConnectAsync(
        ResolvedConnection resolved,
        CancellationToken cancellationToken,
        RateLimiterRegistry? rateLimiters = null,
        TokenCache? tokenCache = null)
    {
        if (resolved is null)
        {
            throw new ArgumentNullException(nameof(resolved));
        }

        var client = new SpApiClient(new SpApiClientOptions(resolved.Credentials, resolved.Endpoint, resolved.TokenEndpoint)
        {
            RateLimiters = rateLimiters ?? RateLimiterRegistry.Shared,
            TokenCache = tokenCache ?? TokenCache.Shared,
        });
        try
        {
            await client.VerifyCredentialsAsync(cancellationToken).ConfigureAwait(false);
            return new SpApiConnection(resolved, client, client.Options.TimeProvider.GetUtcNow());
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        IsClosed = true;
        Client.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"SP-API connection for {ClientId} at {Endpoint}{(ProfileName is null ? string.Empty : $" (profile {ProfileName})")}";
}
