using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Polly.Timeout;
using RestSharp;
using SpApi.Core.Auth;
using SpApi.Core.Diagnostics;
using SpApi.Core.Json;
using SpApi.Core.Limits;
using SpApi.Core.Operations;
using SpApi.Core.Paging;
using SpApi.Core.Security;

namespace SpApi.Core.Http;

/// <summary>
/// The request path of one connection, and the only one in the module:
/// token (LWA or RDT) → rate-limit bucket → retry policy → send → error mapping, with every step logged
/// (secrets redacted). It owns one long-lived HttpClient, which the LWA client shares.
/// </summary>
public sealed class SpApiClient : IDisposable
{
    private static readonly string UserAgent = BuildUserAgent();

    private readonly SpApiClientOptions options;
    private readonly HttpClient http;
    private readonly RestClient rest;
    private readonly RetryPipelines pipelines;
    private readonly LwaTokenProvider lwa;
    private readonly RestrictedDataTokenProvider rdt;

    /// <summary>Creates the client; nothing is sent until the first call.</summary>
    public SpApiClient(SpApiClientOptions options)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        http = new HttpClient(CreateHandler(), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        rest = new RestClient(http, new RestClientOptions { UserAgent = UserAgent, ThrowOnAnyError = false }, disposeHttpClient: false);
        pipelines = new RetryPipelines(options);
        lwa = new LwaTokenProvider(rest, options, pipelines);
        rdt = new RestrictedDataTokenProvider(this, options);
    }

    /// <summary>The options the client was made with.</summary>
    public SpApiClientOptions Options => options;

    /// <summary>The connection's one HttpClient, for downloads from pre-signed URLs outside SP-API.</summary>
    internal HttpClient Http => http;

    /// <summary>Fetches (or reuses) an access token, proving the credentials work.</summary>
    public async Task VerifyCredentialsAsync(CancellationToken cancellationToken) =>
        _ = await lwa.GetAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Sends a request and deserialises the model's response type, unwrapping a v1 payload envelope.</summary>
    public async Task<T> SendAsync<T>(SpApiRequest request, CancellationToken cancellationToken)
    {
        var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        var name = request.Operation.Name;
        if (!request.Operation.PayloadEnvelope)
        {
            return SpApiJson.Deserialize<T>(response.Body, name);
        }

        var envelope = SpApiJson.Deserialize<PayloadEnvelope<T>>(response.Body, name);
        return envelope.Payload ?? throw SpApiException.MissingInResponse(request.Operation, "payload", response.Status, response.RequestId);
    }

    /// <summary>
    /// Streams the pages of a paged operation, following each page's nextToken until there is none.
    /// A server that sends the pager round in circles is stopped with an error instead of looping for ever.
    /// </summary>
    public async IAsyncEnumerable<T> PageAsync<T>(SpApiRequest firstPage, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : IPagedResponse
    {
        var cycles = new NextTokenCycleDetector();
        var pages = 0;
        var request = firstPage;
        while (true)
        {
            var page = await SendAsync<T>(request, cancellationToken).ConfigureAwait(false);
            pages++;
            yield return page;
            var nextToken = page.NextToken;
            if (string.IsNullOrEmpty(nextToken))
            {
                yield break;
            }

            if (!cycles.Accept(nextToken!))
            {
                throw new SpApiException(
                    $"{firstPage.Operation.Name}: the server returned a nextToken it had already returned for an earlier page; paging stopped after {pages} pages instead of looping.",
                    firstPage.Operation.Name, SpApiFailureKind.RepeatedNextToken);
            }

            request = firstPage.WithNextToken(nextToken!);
        }
    }

    /// <summary>Sends a request through the whole request path and returns the buffered success response.</summary>
    internal async Task<RawResponse> SendRawAsync(SpApiRequest request, CancellationToken cancellationToken)
    {
        var operation = request.Operation;
        var bucket = options.RateLimiters.For(operation, options.Credentials.AccountKey);
        var refreshedAfterExpiry = false;
        while (true)
        {
            var token = operation.Restricted
                ? await rdt.GetAsync(operation, cancellationToken).ConfigureAwait(false)
                : await lwa.GetAsync(cancellationToken).ConfigureAwait(false);
            var response = await SendWithRetriesAsync(request, token, bucket, cancellationToken).ConfigureAwait(false);

            if (response.RateLimit is { } rate && bucket.Adjust(rate))
            {
                SpApiLogScope.Write(options.Log, new SpApiLogEvent(
                    SpApiLogLevel.Verbose, SpApiLogKind.RateLimitAdjusted, operation.Name, $"rate adjusted to {rate}/s from x-amzn-RateLimit-Limit"));
            }

            if (response.IsSuccess)
            {
                return response;
            }

            var errors = ReadErrors(response.Body);
            if (!refreshedAfterExpiry && response.Status == HttpStatusCode.Forbidden && SaysTokenExpired(errors))
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

            throw MapError(operation, response, errors);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        rest.Dispose();
        http.Dispose();
    }

    private async Task<RawResponse> SendWithRetriesAsync(SpApiRequest request, SpApiSecret token, OperationBucket bucket, CancellationToken cancellationToken)
    {
        var operation = request.Operation;
        try
        {
            return await pipelines.ExecuteAsync(
                operation.Name,
                operation.IsIdempotent,
                async ct => await bucket.AcquireAsync(options.Log, ct).ConfigureAwait(false),
                ct => SendOnceAsync(request, token, ct),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException || (TransportFailure.IsTransport(ex) && !cancellationToken.IsCancellationRequested))
        {
            var mayHaveBeenProcessed = !operation.IsIdempotent && !TransportFailure.ProvablyNotSent(ex);
            var what = ex is TimeoutRejectedException ? $"timed out after {options.RequestTimeout.TotalSeconds:0.#} s" : $"failed: {ex.Message}";
            var message = mayHaveBeenProcessed
                ? $"{operation.Name} {what}. The request went out, so Amazon may have processed it; it was not sent again. Check its outcome before you send it again."
                : $"{operation.Name} {what} (after {options.MaxRetries} retries).";
            throw new SpApiException(
                message, operation.Name,
                ex is TimeoutRejectedException ? SpApiFailureKind.Timeout : SpApiFailureKind.Transport,
                requestMayHaveBeenProcessed: mayHaveBeenProcessed, innerException: ex);
        }
    }

    private async Task<RawResponse> SendOnceAsync(SpApiRequest request, SpApiSecret token, CancellationToken cancellationToken)
    {
        var operation = request.Operation;
        var uri = new Uri(options.Endpoint.AbsoluteUri.TrimEnd('/') + request.RelativeUri());
        using var message = new HttpRequestMessage(operation.Method, uri);
        message.Headers.TryAddWithoutValidation("x-amz-access-token", token.Reveal());
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        message.Headers.Accept.ParseAdd("application/json");
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        Log(SpApiLogLevel.Verbose, SpApiLogKind.Request, operation, $"{operation.Method} {uri.AbsolutePath}");
        Log(SpApiLogLevel.Debug, SpApiLogKind.Request, operation, "request headers: " + FormatHeaders(message.Headers));
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
#if NET8_0_OR_GREATER
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
        var headers = response.Headers.Concat(response.Content.Headers)
            .Select(h => new KeyValuePair<string, string>(h.Key, string.Join(",", h.Value)))
            .ToList();
        var raw = new RawResponse(response.StatusCode, bytes, headers);
        var elapsed = (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency;
        Log(SpApiLogLevel.Verbose, SpApiLogKind.Response, operation,
            $"{(int)raw.Status} {raw.Status} in {elapsed:0} ms, request id {raw.RequestId ?? "none"}, rate limit {raw.Header("x-amzn-RateLimit-Limit") ?? "not reported"}");
        Log(SpApiLogLevel.Debug, SpApiLogKind.Response, operation, "response headers: " + string.Join("; ", headers.Select(h => $"{h.Key}: {h.Value}")));
        return raw;
    }

    private void Log(SpApiLogLevel level, SpApiLogKind kind, OperationDescriptor operation, string message) =>
        SpApiLogScope.Write(options.Log, new SpApiLogEvent(level, kind, operation.Name, message));

    private static string FormatHeaders(System.Net.Http.Headers.HttpHeaders headers) =>
        string.Join("; ", headers.Select(h =>
            $"{h.Key}: {(IsSecretHeader(h.Key) ? "[redacted]" : string.Join(",", h.Value))}"));

    private static bool IsSecretHeader(string name) =>
        name.Equals("x-amz-access-token", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase);

    private static bool SaysTokenExpired(IReadOnlyList<SpApiError> errors) =>
        errors.Any(e => (e.Message + " " + e.Details).IndexOf("expired", StringComparison.OrdinalIgnoreCase) >= 0);

    private static IReadOnlyList<SpApiError> ReadErrors(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<ErrorList>(body, SpApiJson.Options)?.Errors ?? new List<SpApiError>();
        }
        catch (JsonException)
        {
            return Array.Empty<SpApiError>();
        }
    }

    private SpApiException MapError(OperationDescriptor operation, RawResponse response, IReadOnlyList<SpApiError> errors)
    {
        var first = errors.FirstOrDefault();
        var status = (int)response.Status;
        var summary = first is null ? $"HTTP {status} {response.Status}" : $"HTTP {status} {first.ToString().TrimEnd('.')}";
        if (errors.Count > 1)
        {
            summary += $" (and {errors.Count - 1} more error(s))";
        }

        var mayHaveBeenProcessed = !operation.IsIdempotent && status >= 500;
        var message = status switch
        {
            429 => $"{operation.Name} was throttled (HTTP 429) and still was after {options.MaxRetries} retries: {summary}.",
            _ when mayHaveBeenProcessed => $"{operation.Name} failed with {summary}. The server received the request and may have processed it; it was not sent again. Check its outcome before you send it again.",
            _ => $"{operation.Name} failed with {summary}.",
        };
        if (response.RequestId is { } requestId)
        {
            message += $" Request id: {requestId}.";
        }

        return new SpApiException(
            message, operation.Name, SpApiException.KindOf(response.Status), response.Status, first?.Code, first?.Details, response.RequestId, errors,
            mayHaveBeenProcessed);
    }

    private static HttpMessageHandler CreateHandler()
    {
#if NET8_0_OR_GREATER
        // Long-lived client: recycle pooled connections so DNS changes are picked up.
        return new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
#else
        return new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
#endif
    }

    private static string BuildUserAgent()
    {
        var version = typeof(SpApiClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        return $"SpApi/{(plus > 0 ? version.Substring(0, plus) : version)} (Language=CSharp; Platform=PowerShell)";
    }

    private sealed class PayloadEnvelope<T>
    {
        public T? Payload { get; set; }
    }

    private sealed class ErrorList
    {
        public List<SpApiError>? Errors { get; set; }
    }
}
