using System.Net;
using Polly.Timeout;
using RestSharp;
using SpApi.Core.Limits;
using SpApi.Core.Security;

namespace SpApi.Core.Http;

/// <summary>
/// The one send path of a connection: every request the module makes (SP-API calls, the LWA token exchange,
/// document downloads) is created here and leaves through it, in one order: the rate-limit wait, then the
/// token (taken at that moment, and again for each retry), then the request within the per-attempt timeout
/// through <see cref="SendPathHandler"/> (User-Agent, header checks, log, body limit), then the bucket's count of
/// its answer or failure (<see cref="OperationBucket.Answered"/>), with the retries of
/// <see cref="RetryPipelines"/> around it all and <see cref="ErrorMapper"/> turning what failed into an exception.
/// No redirect is followed, except a download's to https (a pre-signed URL carries no token).
/// </summary>
internal sealed class SendPath : IDisposable
{
    // S3 may redirect a pre-signed URL to another region's endpoint; more hops than this is a loop.
    private const int MaxDownloadRedirects = 5;

    private readonly SpApiClientOptions options;
    private readonly HttpClient http;
    private readonly RestClient rest;
    private readonly RetryPipelines pipelines;

    public SendPath(SpApiClientOptions options)
    {
        this.options = options;
        // The HttpClient has no timeout of its own: each attempt is timed on the client's clock instead.
        http = new HttpClient(new SendPathHandler(options.Transport ?? CreateTransport(), options), disposeHandler: true)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        rest = new RestClient(
            http,
            new RestClientOptions { ThrowOnAnyError = false, Interceptors = { new TagAsTokenExchange(options.MaxResponseBytes) } },
            disposeHttpClient: false);
        pipelines = new RetryPipelines(options);
    }

    /// <summary>
    /// Sends an SP-API request: waits for <paramref name="bucket"/>, then takes the token with
    /// <paramref name="takeToken"/>, for each attempt, and tells the bucket when the attempt's answer is in.
    /// Returns the buffered response (success or not) and the token it carried.
    /// </summary>
    public async Task<(RawResponse Response, SpApiSecret Token)> SendAsync(
        SpApiRequest request,
        Uri uri,
        OperationBucket bucket,
        Func<CancellationToken, Task<SpApiSecret>> takeToken,
        CancellationToken cancellationToken)
    {
        var operation = request.Operation;
        SpApiSecret? carried = null;
        var waitForRateLimit = (CancellationToken ct) => bucket.AcquireAsync(options.Log, ct).AsTask();
        var response = await RunAsync(operation.Name, uri, operation.IsIdempotent, waitForRateLimit, async ct =>
        {
            carried = await takeToken(ct).ConfigureAwait(false);
            using var message = new HttpRequestMessage(operation.Method, uri);
            message.Headers.TryAddWithoutValidation("x-amz-access-token", carried.Reveal());
            message.Headers.Accept.ParseAdd("application/json");
            if (request.Body is { } body)
            {
                message.Content = new ByteArrayContent(body);
                message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            }

            SendTags.Tag(message, operation.Name, options.MaxResponseBytes, request.ShownQuery());
            try
            {
                return await pipelines.WithinTimeoutAsync(
                    async t =>
                    {
                        using var sent = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, t).ConfigureAwait(false);
                        return await BufferAsync(sent, options.MaxResponseBytes, t).ConfigureAwait(false);
                    },
                    ct).ConfigureAwait(false);
            }
            finally
            {
                // Whatever came back, the request left and Amazon may have counted it as late as now.
                bucket.Answered(options.Log);
            }
        }, cancellationToken).ConfigureAwait(false);
        return (response, carried!);
    }

    /// <summary>Posts a form to the LWA token endpoint through RestSharp, as the design names it, on this same path.</summary>
    public Task<RawResponse> PostFormAsync(Uri endpoint, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken) =>
        RunAsync(ErrorMapper.Lwa, endpoint, isIdempotent: true, null, ct => pipelines.WithinTimeoutAsync(
            async t =>
            {
                var request = new RestRequest(endpoint, Method.Post);
                foreach (var field in form)
                {
                    request.AddParameter(field.Key, field.Value);
                }

                var response = await rest.ExecuteAsync(request, t).ConfigureAwait(false);
                t.ThrowIfCancellationRequested();
                if (response.ErrorException is ResponseTooLargeException tooLarge)
                {
                    throw tooLarge;
                }

                if (response.ResponseStatus != ResponseStatus.Completed && response.StatusCode == 0)
                {
                    throw response.ErrorException ?? new HttpRequestException($"The token request ended with {response.ResponseStatus}.");
                }

                var headers = (response.Headers ?? Array.Empty<HeaderParameter>())
                    .Concat(response.ContentHeaders ?? Array.Empty<HeaderParameter>())
                    .Select(h => new KeyValuePair<string, string>(h.Name, h.Value?.ToString() ?? string.Empty))
                    .ToList();
                return new RawResponse(response.StatusCode, response.RawBytes ?? Array.Empty<byte>(), headers);
            },
            ct), cancellationToken);

    /// <summary>
    /// Downloads from a pre-signed URL, retried like a GET: each attempt hands the body stream, within
    /// <see cref="SpApiClientOptions.MaxDownloadBytes"/>, to <paramref name="writeBody"/>. Only the wait for the
    /// headers is timed; a large document's body streams as long as it takes. Returns the final response
    /// (its body buffered only when it is not a success).
    /// </summary>
    public Task<RawResponse> DownloadAsync(Uri url, Func<Stream, CancellationToken, Task> writeBody, CancellationToken cancellationToken) =>
        RunAsync(ErrorMapper.Download, url, isIdempotent: true, null, async ct =>
        {
            var current = url;
            for (var redirects = 0; ; redirects++)
            {
                using var message = new HttpRequestMessage(HttpMethod.Get, current);
                SendTags.Tag(message, ErrorMapper.Download, options.MaxDownloadBytes);
                using var response = await pipelines.WithinTimeoutAsync(
                    t => http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, t), ct).ConfigureAwait(false);
                if (HttpsRedirect(response, current) is { } next && redirects < MaxDownloadRedirects)
                {
                    current = next;
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return await BufferAsync(response, options.MaxResponseBytes, ct).ConfigureAwait(false);
                }

#if NET8_0_OR_GREATER
                using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
#else
                using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                await writeBody(body, ct).ConfigureAwait(false);
                return new RawResponse(response.StatusCode, Array.Empty<byte>(), HeadersOf(response));
            }
        }, cancellationToken);

    public void Dispose()
    {
        rest.Dispose();
        http.Dispose();
    }

    private async Task<RawResponse> RunAsync(
        string operation,
        Uri address,
        bool isIdempotent,
        Func<CancellationToken, Task>? beforeEachAttempt,
        Func<CancellationToken, Task<RawResponse>> attempt,
        CancellationToken cancellationToken)
    {
        try
        {
            return await pipelines.ExecuteAsync(operation, isIdempotent, beforeEachAttempt, attempt, cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException tooLarge)
        {
            throw ErrorMapper.ForTooLarge(operation, isIdempotent, tooLarge);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException || (TransportFailure.IsTransport(ex) && !cancellationToken.IsCancellationRequested))
        {
            throw ErrorMapper.ForTransport(operation, address, isIdempotent, ex, options);
        }
    }

    // Reads a body whole, stopping at the limit: the handler's limit guards the stream, this one the buffer.
    private static async Task<RawResponse> BufferAsync(HttpResponseMessage response, long limit, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        for (int read; (read = await body.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0;)
        {
            if (buffer.Length + read > limit)
            {
                throw new ResponseTooLargeException(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return new RawResponse(response.StatusCode, buffer.ToArray(), HeadersOf(response));
    }

    private static List<KeyValuePair<string, string>> HeadersOf(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .Select(h => new KeyValuePair<string, string>(h.Key, string.Join(",", h.Value)))
            .ToList();

    private static Uri? HttpsRedirect(HttpResponseMessage response, Uri current)
    {
        if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is not { } location)
        {
            return null;
        }

        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        return next.Scheme == Uri.UriSchemeHttps ? next : null;
    }

    private static HttpMessageHandler CreateTransport()
    {
        // Redirects are the send path's to decide, so the transport follows none.
#if NET8_0_OR_GREATER
        // Long-lived client: recycle pooled connections so DNS changes are picked up.
        return new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            AllowAutoRedirect = false,
        };
#else
        return new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            AllowAutoRedirect = false,
        };
#endif
    }

    // RestSharp builds the token exchange's request message itself; this tags it for the handler as it leaves.
    private sealed class TagAsTokenExchange : RestSharp.Interceptors.Interceptor
    {
        private readonly long bodyLimit;

        public TagAsTokenExchange(long bodyLimit) => this.bodyLimit = bodyLimit;

        public override ValueTask BeforeHttpRequest(HttpRequestMessage requestMessage, CancellationToken cancellationToken)
        {
            SendTags.Tag(requestMessage, ErrorMapper.Lwa, bodyLimit);
            return default;
        }
    }
}
