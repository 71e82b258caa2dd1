using SpApi.Core.Http;
using SpApi.Core.Operations;

namespace SpApi.Core.Apis.Tokens;

/// <summary>The typed call of the Tokens API 2021-03-01: createRestrictedDataToken.</summary>
internal sealed class TokensApi
{
    private readonly SpApiClient client;

    public TokensApi(SpApiClient client) => this.client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>
    /// createRestrictedDataToken for the operation's generic path (with its {placeholders}), so one RDT serves
    /// every value of them. A response without a token or a positive lifetime is refused.
    /// </summary>
    public async Task<CreateRestrictedDataTokenResponse> CreateRestrictedDataTokenAsync(OperationDescriptor operation, CancellationToken cancellationToken)
    {
        var body = new CreateRestrictedDataTokenRequest
        {
            RestrictedResources = { new RestrictedResource { Method = operation.Method.Method, Path = operation.PathTemplate } },
        };
        var response = await client.SendAsync<CreateRestrictedDataTokenResponse>(
            new SpApiRequest(SpApiOperations.CreateRestrictedDataToken).WithJsonBody(body), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(response.RestrictedDataToken) || response.ExpiresIn is not > 0)
        {
            throw SpApiException.MissingInResponse(SpApiOperations.CreateRestrictedDataToken, "restrictedDataToken with a positive expiresIn");
        }

        return response;
    }
}
