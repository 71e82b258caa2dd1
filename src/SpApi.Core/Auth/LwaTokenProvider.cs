using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using RestSharp;
using SpApi.Core.Diagnostics;
using SpApi.Core.Http;
using SpApi.Core.Json;
using SpApi.Core.Security;

namespace SpApi.Core.Auth;

/// <summary>
/// Exchanges LWA credentials for access tokens at the token endpoint (refresh_token or
/// client_credentials grant, form-encoded as Amazon documents), through the shared token cache.
/// </summary>
internal sealed class LwaTokenProvider
{
    private const string Operation = "LWA";

    private readonly RestClient rest;
    private readonly SpApiClientOptions options;
    private readonly RetryPipelines pipelines;
    private readonly string cacheKey;

    public LwaTokenProvider(RestClient rest, SpApiClientOptions options, RetryPipelines pipelines)
    {
        this.rest = rest;
        this.options = options;
        this.pipelines = pipelines;
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
            response = await pipelines.ExecuteAsync(Operation, isIdempotent: true, null, SendAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new SpApiException(
                $"Login with Amazon could not be reached at {options.TokenEndpoint}: {ex.Message}",
                Operation, SpApiFailureKind.Transport, innerException: ex);
        }

        if (!response.IsSuccess)
        {
            throw MapError(response);
        }

        var token = SpApiJson.Deserialize<TokenResponse>(response.Body, Operation);
        if (string.IsNullOrEmpty(token.AccessToken) || token.ExpiresIn is not > 0)
        {
            throw new SpApiException(
                "Login with Amazon answered without an access_token or a positive expires_in.",
                Operation, SpApiFailureKind.InvalidResponse, response.Status, requestId: response.RequestId);
        }

        return (new SpApiSecret(token.AccessToken!), TimeSpan.FromSeconds(token.ExpiresIn.Value));
    }

    private async Task<RawResponse> SendAsync(CancellationToken cancellationToken)
    {
        var credentials = options.Credentials;
        var request = new RestRequest(options.TokenEndpoint, Method.Post);
        if (credentials.IsGrantless)
        {
            request.AddParameter("grant_type", "client_credentials").AddParameter("scope", credentials.Scope!);
        }
        else
        {
            request.AddParameter("grant_type", "refresh_token").AddParameter("refresh_token", credentials.RefreshToken!.Reveal());
        }

        request.AddParameter("client_id", credentials.ClientId).AddParameter("client_secret", credentials.ClientSecret.Reveal());
        var response = await rest.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (response.ResponseStatus != ResponseStatus.Completed && response.StatusCode == 0)
        {
            throw response.ErrorException ?? new HttpRequestException($"The token request ended with {response.ResponseStatus}.");
        }

        var headers = (response.Headers ?? Array.Empty<HeaderParameter>())
            .Select(h => new KeyValuePair<string, string>(h.Name, h.Value?.ToString() ?? string.Empty))
            .ToList();
        return new RawResponse(response.StatusCode, response.RawBytes ?? Array.Empty<byte>(), headers);
    }

    private static SpApiException MapError(RawResponse response)
    {
        LwaError? error = null;
        try
        {
            error = JsonSerializer.Deserialize<LwaError>(response.Body, SpApiJson.Options);
        }
        catch (JsonException)
        {
            // Not LWA's error shape (a proxy's HTML page, say); the status alone must do.
        }

        var code = error?.Error ?? $"http_{(int)response.Status}";
        var hint = code switch
        {
            "invalid_client" => " Check the client id and client secret (they belong to the app in Seller Central or Vendor Central).",
            "invalid_grant" => " The refresh token is invalid, expired or revoked: authorise the app again to get a new one.",
            "unauthorized_client" => " The app is not allowed to use this grant type.",
            "invalid_scope" => " The scope is not valid for a grantless call.",
            "server_error" or "temporarily_unavailable" => " Login with Amazon is having trouble; try again later.",
            _ => string.Empty,
        };
        var description = string.IsNullOrEmpty(error?.ErrorDescription) ? string.Empty : $": {error!.ErrorDescription}";
        var status = response.Status == HttpStatusCode.OK ? HttpStatusCode.BadGateway : response.Status;
        // A throttled or failing token endpoint is not a refusal of the credentials: trying later may succeed.
        var kind = SpApiException.KindOf(status) is SpApiFailureKind.Throttled or SpApiFailureKind.ServerError
            ? SpApiException.KindOf(status)
            : SpApiFailureKind.AuthenticationFailed;
        return new SpApiException(
            $"Login with Amazon refused the token request ({code}{description}).{hint}",
            Operation, kind, status, error?.Error, error?.ErrorDescription, response.RequestId);
    }

    private sealed class TokenResponse
    {
        [JsonPropertyName("access_token")]
        public string? AccessToken { get; set; }

        [JsonPropertyName("expires_in")]
        public int? ExpiresIn { get; set; }
    }

    private sealed class LwaError
    {
        [JsonPropertyName("error")]
        public string? Error { get; set; }

        [JsonPropertyName("error_description")]
        public string? ErrorDescription { get; set; }
    }
}
