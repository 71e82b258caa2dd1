using System.Text.Json.Serialization;
using SpApi.Core.Diagnostics;
using SpApi.Core.Http;
using SpApi.Core.Json;
using SpApi.Core.Security;

namespace SpApi.Core.Auth;

/// <summary>
/// Exchanges LWA credentials for access tokens at the token endpoint (refresh_token or
/// client_credentials grant, form-encoded as Amazon documents), through the shared token cache. The
/// exchange leaves through the connection's one send path, so it is retried, timed and logged like any call.
/// </summary>
internal sealed class LwaTokenProvider
{
    private const string Operation = ErrorMapper.Lwa;

    private readonly SendPath send;
    private readonly SpApiClientOptions options;
    private readonly string cacheKey;

    public LwaTokenProvider(SendPath send, SpApiClientOptions options)
    {
        this.send = send;
        this.options = options;
        // The secret is part of the key so that a wrong secret is never answered from the cache.
        cacheKey = $"lwa|{options.TokenEndpoint}|{options.Credentials.AccountKey}|{options.Credentials.ClientSecret.Fingerprint}";
    }

    public Task<SpApiSecret> GetAsync(CancellationToken cancellationToken) =>
        options.TokenCache.GetAsync(cacheKey, RequestAsync, options.TimeProvider, cancellationToken);

    public void Invalidate(SpApiSecret refused) => options.TokenCache.Invalidate(cacheKey, refused);

    private async Task<(SpApiSecret, TimeSpan)> RequestAsync(CancellationToken cancellationToken)
    {
        var credentials = options.Credentials;
        SpApiLogScope.Write(options.Log, new SpApiLogEvent(
            SpApiLogLevel.Verbose, SpApiLogKind.Token, Operation,
            $"requesting an access token for client {credentials.ClientId} ({(credentials.IsGrantless ? "client_credentials, scope " + credentials.Scope : "refresh_token")}) from {options.TokenEndpoint}"));

        RawResponse response;
        try
        {
            response = await send.PostFormAsync(options.TokenEndpoint, Form(credentials), cancellationToken).ConfigureAwait(false);
        }
        catch (SpApiException ex) when (ex.Kind is SpApiFailureKind.Transport or SpApiFailureKind.Timeout)
        {
            throw ex.WithMessage($"Login with Amazon could not be reached at {options.TokenEndpoint}: {ex.InnerException?.Message ?? ex.Message}");
        }

        if (!response.IsSuccess)
        {
            throw ErrorMapper.ForLwa(response);
        }

        var token = SpApiJson.Deserialize<TokenResponse>(response.Body, Operation);
        if (string.IsNullOrEmpty(token.AccessToken) || token.ExpiresIn is not > 0)
        {
            throw new SpApiException(
                "Login with Amazon answered without an access_token or a positive expires_in.",
                Operation, SpApiFailureKind.InvalidResponse, response.Status, requestId: response.RequestId);
        }

        // Refused on receipt, so a token that would inject header lines is never cached, let alone sent.
        return (new SpApiSecret(HeaderValues.RequireSafe(token.AccessToken!, "an access_token", Operation)), TimeSpan.FromSeconds(token.ExpiresIn.Value));
    }

    private static List<KeyValuePair<string, string>> Form(LwaCredentials credentials)
    {
        var form = credentials.IsGrantless
            ? new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials"), new("scope", credentials.Scope!) }
            : new List<KeyValuePair<string, string>> { new("grant_type", "refresh_token"), new("refresh_token", credentials.RefreshToken!.Reveal()) };
        form.Add(new("client_id", credentials.ClientId));
        form.Add(new("client_secret", credentials.ClientSecret.Reveal()));
        return form;
    }

    private sealed class TokenResponse
    {
        [JsonPropertyName("access_token")]
        public string? AccessToken { get; set; }

        [JsonPropertyName("expires_in")]
        public int? ExpiresIn { get; set; }
    }
}
