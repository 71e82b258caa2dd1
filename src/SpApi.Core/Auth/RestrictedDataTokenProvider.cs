using SpApi.Core.Apis.Tokens;
using SpApi.Core.Diagnostics;
using SpApi.Core.Http;
using SpApi.Core.Operations;
using SpApi.Core.Security;

namespace SpApi.Core.Auth;

/// <summary>
/// Gets Restricted Data Tokens for restricted operations. Each RDT is requested for the operation's
/// generic path (with its {placeholders}), so one RDT serves every purchase order number, and it is
/// cached for its lifetime. The Tokens API call itself goes through the ordinary request path, so its
/// own rate limit (1/s, burst 10) is respected like any other.
/// </summary>
internal sealed class RestrictedDataTokenProvider
{
    private readonly TokensApi tokens;
    private readonly SpApiClientOptions options;

    public RestrictedDataTokenProvider(SpApiClient client, SpApiClientOptions options)
    {
        tokens = new TokensApi(client);
        this.options = options;
    }

    public Task<SpApiSecret> GetAsync(OperationDescriptor operation, CancellationToken cancellationToken) =>
        options.TokenCache.GetAsync(CacheKey(operation), ct => RequestAsync(operation, ct), options.TimeProvider, cancellationToken);

    public void Invalidate(OperationDescriptor operation, SpApiSecret refused) =>
        options.TokenCache.Invalidate(CacheKey(operation), refused);

    private string CacheKey(OperationDescriptor operation) =>
        $"rdt|{options.Endpoint}|{options.Credentials.AccountKey}|{operation.Method} {operation.PathTemplate}";

    private async Task<(SpApiSecret, TimeSpan)> RequestAsync(OperationDescriptor operation, CancellationToken cancellationToken)
    {
        SpApiLogScope.Write(options.Log, new SpApiLogEvent(
            SpApiLogLevel.Verbose, SpApiLogKind.Token, operation.Name,
            $"requesting a restricted data token for {operation.Method} {operation.PathTemplate}"));
        // Checked on receipt, so an RDT that would inject header lines is never cached, let alone sent.
        return await tokens.CreateRestrictedDataTokenAsync(operation, cancellationToken).ConfigureAwait(false);
    }
}
