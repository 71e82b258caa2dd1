using SpApi.Core.Http;
using SpApi.Core.Operations;
using SpApi.Core.Security;

namespace SpApi.Core.Apis.Tokens;

/// <summary>
/// Typed call of Tokens 2021-03-01 createRestrictedDataToken. The client asks for an RDT for each
/// restricted operation it sends (Auth/RestrictedDataTokenProvider caches them); this is the call itself.
/// </summary>
internal sealed class TokensApi
{
    private readonly SpApiClient client;

    public TokensApi(SpApiClient client) => this.client = client;

    /// <summary>
    /// Requests a restricted data token for one operation's generic path (with its {placeholders}), checked on
    /// receipt: present, with a positive lifetime, and safe as a header value (no line breaks to inject headers).
    /// </summary>
    public async Task<(SpApiSecret Token, TimeSpan Lifetime)> CreateRestrictedDataTokenAsync(OperationDescriptor restricted, CancellationToken cancellationToken)
    {
        var body = new CreateRestrictedDataTokenRequest
        {
            RestrictedResources = { new RestrictedResource { Method = restricted.Method.Method, Path = restricted.PathTemplate } },
        };
        var response = await client.SendAsync<CreateRestrictedDataTokenResponse>(
            new SpApiRequest(SpApiOperations.CreateRestrictedDataToken).WithJsonBody(body), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(response.RestrictedDataToken) || response.ExpiresIn is not > 0)
        {
            throw SpApiException.MissingInResponse(SpApiOperations.CreateRestrictedDataToken, "restrictedDataToken with a positive expiresIn");
        }

        var token = HeaderValues.RequireSafe(response.RestrictedDataToken!, "a restrictedDataToken", SpApiOperations.CreateRestrictedDataToken.Name);
        return (new SpApiSecret(token), TimeSpan.FromSeconds(response.ExpiresIn!.Value));
    }
}
