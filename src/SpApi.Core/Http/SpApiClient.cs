using System.Runtime.CompilerServices;
using SpApi.Core.Auth;
using SpApi.Core.Diagnostics;
using SpApi.Core.Json;
using SpApi.Core.Limits;
using SpApi.Core.Operations;
using SpApi.Core.Paging;
using SpApi.Core.Security;

namespace SpApi.Core.Http;

/// <summary>
/// The SP-API client of one connection. Its calls, the LWA token exchange and document downloads all leave
/// through its one <see cref="SendPath"/>: rate-limit bucket → token (LWA or RDT) → send within the timeout →
/// retry policy → error mapping, with every step logged (secrets redacted).
/// </summary>
public sealed class SpApiClient : IDisposable
{
    private readonly SpApiClientOptions options;
    private readonly SendPath send;
    private readonly LwaTokenProvider lwa;
    private readonly RestrictedDataTokenProvider rdt;

    /// <summary>Creates the client; nothing is sent until the first call.</summary>
    public SpApiClient(SpApiClientOptions options)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        send = new SendPath(options);
        lwa = new LwaTokenProvider(send, options);
        rdt = new RestrictedDataTokenProvider(this, options);
    }

    /// <summary>The options the client was made with.</summary>
    public SpApiClientOptions Options => options;

    /// <summary>The connection's one send path, for downloads from pre-signed URLs outside SP-API.</summary>
    internal SendPath SendPath => send;

    /// <summary>Fetches (or reuses) an access token, proving the credentials work.</summary>
    public async Task VerifyCredentialsAsync(CancellationToken cancellationToken) =>
        _ = await lwa.GetAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Sends a request and deserialises the model's response type, unwrapping a v1 payload envelope. A success
    /// whose body cannot be read is <see cref="SpApiFailureKind.InvalidResponse"/>; for a submission its outcome is unknown.
    /// </summary>
    public async Task<T> SendAsync<T>(SpApiRequest request, CancellationToken cancellationToken)
    {
        var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            return Read<T>(request.Operation, response);
        }
        catch (SpApiException unreadable) when (!request.Operation.IsIdempotent)
        {
            throw ErrorMapper.ForUnreadableSuccess(request.Operation, response, unreadable);
        }
    }

    /// <summary>
    /// Streams the pages of a paged operation, following each page's nextToken until there is none.
    /// A server that sends the pager round in circles, or leads it on with empty pages, is stopped with an
    /// error instead of being followed for ever (<see cref="PagingGuard"/>).
    /// </summary>
    public async IAsyncEnumerable<T> PageAsync<T>(SpApiRequest firstPage, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : IPagedResponse
    {
        var guard = new PagingGuard(firstPage.Operation.Name);
        var request = firstPage;
        while (true)
        {
            var page = await SendAsync<T>(request, cancellationToken).ConfigureAwait(false);
            yield return page;
            var nextToken = page.NextToken;
            if (string.IsNullOrEmpty(nextToken))
            {
                yield break;
            }

            guard.Follow(page, nextToken!);
            request = firstPage.WithNextToken(nextToken!);
        }
    }

    /// <summary>Sends a request through the whole request path and returns the buffered success response.</summary>
    internal async Task<RawResponse> SendRawAsync(SpApiRequest request, CancellationToken cancellationToken)
    {
        var operation = request.Operation;
        var bucket = BucketFor(operation);
        var uri = new Uri(options.Endpoint.AbsoluteUri.TrimEnd('/') + request.RelativeUri());
        var refreshedAfterExpiry = false;
        while (true)
        {
            // The token is taken after the bucket's wait, right before the request leaves, so a long wait
            // cannot send a token that expired while it waited.
            var (response, token) = await send.SendAsync(
                request,
                uri,
                bucket,
                ct => operation.Restricted ? rdt.GetAsync(operation, ct) : lwa.GetAsync(ct),
                cancellationToken).ConfigureAwait(false);
            AdjustRate(bucket, response);
            if (response.IsSuccess)
            {
                return response;
            }

            var errors = ErrorMapper.ReadErrors(response.Body);
            if (!refreshedAfterExpiry && AmazonSignals.SaysTokenExpired(response, errors))
            {
                // The token expired early (clock skew, revocation of a cached token): fetch a new one and try once more.
                refreshedAfterExpiry = true;
                if (operation.Restricted)
                {
                    rdt.Invalidate(operation, token);
                }
                else
                {
                    lwa.Invalidate(token);
                }

                continue;
            }

            throw ErrorMapper.ForSpApi(operation, response, errors, options.MaxRetries);
        }
    }

    /// <inheritdoc />
    public void Dispose() => send.Dispose();

    /// <summary>
    /// The operation's bucket for this connection's account. Amazon's usage plans belong to the (application, selling
    /// partner) pair in each region, so the endpoint is part of the account.
    /// </summary>
    internal OperationBucket BucketFor(OperationDescriptor operation) =>
        options.RateLimiters.For(operation, $"{options.Endpoint.Authority}|{options.Credentials.AccountKey}");

    private static T Read<T>(OperationDescriptor operation, RawResponse response)
    {
        if (!operation.PayloadEnvelope)
        {
            return SpApiJson.Deserialize<T>(response.Body, operation.Name);
        }

        var envelope = SpApiJson.Deserialize<PayloadEnvelope<T>>(response.Body, operation.Name);
        return envelope.Payload ?? throw SpApiException.MissingInResponse(operation, "payload", response.Status, response.RequestId);
    }

    // Applies the rate the server reported; a value no SP-API operation could have (0, a millionth, NaN,
    // a thousand and more per second) would stall or crash the pacing, so it is ignored and logged.
    private void AdjustRate(OperationBucket bucket, RawResponse response)
    {
        if (response.Header("x-amzn-RateLimit-Limit") is not { } reported)
        {
            return;
        }

        var message = response.RateLimit is { } rate
            ? bucket.Adjust(rate, options.Log) ? $"rate adjusted to {rate}/s from x-amzn-RateLimit-Limit" : null
            : $"ignored x-amzn-RateLimit-Limit: {ServerText.Clean(reported)}, which is not a rate between {RawResponse.MinSaneRate} and {RawResponse.MaxSaneRate} per second; the rate stays {bucket.Rate:0.####}/s";
        if (message is not null)
        {
            SpApiLogScope.Write(options.Log, new SpApiLogEvent(SpApiLogLevel.Verbose, SpApiLogKind.RateLimitAdjusted, bucket.Operation.Name, message));
        }
    }

    private sealed class PayloadEnvelope<T>
    {
        public T? Payload { get; set; }
    }
}
