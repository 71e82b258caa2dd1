using System.Diagnostics;
using System.Reflection;
using SpApi.Core.Diagnostics;

namespace SpApi.Core.Http;

/// <summary>
/// The last step of the send path before the transport, which every request passes, whoever built it (the
/// send path itself, or RestSharp for the token exchange): one User-Agent, header values checked for control
/// characters, the request and response logged (secrets redacted; a URL's query only as the send path tagged it
/// for an SP-API call, so a pre-signed URL's never), and the response body wrapped in its size limit.
/// </summary>
internal sealed class SendPathHandler : DelegatingHandler
{
    /// <summary>The User-Agent of every request, as SP-API asks: the library, its version, language and platform.</summary>
    public static readonly string UserAgent = BuildUserAgent();

    private readonly SpApiClientOptions options;

    public SendPathHandler(HttpMessageHandler transport, SpApiClientOptions options)
        : base(transport)
    {
        this.options = options;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = SendTags.Operation(request) ?? "request";
        request.Headers.Remove("User-Agent");
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        foreach (var header in request.Headers)
        {
            if (!header.Value.All(HeaderValues.IsSafe))
            {
                // The token providers refuse such values on receipt; this catches any other way in.
                throw new SpApiException(
                    $"{operation}: the {header.Key} header contains a control character (such as a line break); the request was not sent.",
                    operation, SpApiFailureKind.InvalidResponse);
            }
        }

        var query = SendTags.ShownQuery(request) is { } shown ? "?" + shown : string.Empty;
        Log(SpApiLogLevel.Verbose, SpApiLogKind.Request, operation, $"{request.Method} {request.RequestUri!.AbsolutePath}{query}");
        Log(SpApiLogLevel.Debug, SpApiLogKind.Request, operation, "request headers: " + FormatHeaders(request.Headers));
        var started = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var elapsed = (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency;
        var headers = response.Headers.Concat(response.Content.Headers).ToList();
        string? Header(string name) => headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        Log(SpApiLogLevel.Verbose, SpApiLogKind.Response, operation,
            $"{(int)response.StatusCode} {response.StatusCode} in {elapsed:0} ms, request id {Header("x-amzn-RequestId") ?? "none"}, rate limit {Header("x-amzn-RateLimit-Limit") ?? "not reported"}");
        Log(SpApiLogLevel.Debug, SpApiLogKind.Response, operation, "response headers: " + FormatHeaders(headers));

        var limit = SendTags.BodyLimit(request) ?? options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength > limit)
        {
            response.Dispose();
            throw new ResponseTooLargeException(limit);
        }

        response.Content = new LimitedContent(response.Content, limit);
        return response;
    }

    private void Log(SpApiLogLevel level, SpApiLogKind kind, string operation, string message) =>
        SpApiLogScope.Write(options.Log, new SpApiLogEvent(level, kind, operation, message));

    private static string FormatHeaders(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers) =>
        string.Join("; ", headers.Select(h =>
            $"{h.Key}: {(IsSecretHeader(h.Key) ? "[redacted]" : string.Join(",", h.Value))}"));

    private static bool IsSecretHeader(string name) =>
        name.Equals("x-amz-access-token", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase);

    private static string BuildUserAgent()
    {
        var version = typeof(SendPathHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        return $"SpApi/{(plus > 0 ? version.Substring(0, plus) : version)} (Language=CSharp; Platform=PowerShell)";
    }
}
