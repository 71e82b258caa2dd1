using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Polly.Timeout;
using SpApi.Core.Files;
using SpApi.Core.Json;
using SpApi.Core.Operations;

namespace SpApi.Core.Http;

/// <summary>
/// The one place a failed exchange becomes an exception, for SP-API calls, the token exchange and downloads
/// alike. The kind comes from the status or the exception type, never from the server's text; the server's
/// text that goes into a message is cleaned and capped (<see cref="ServerText"/>).
/// </summary>
internal static class ErrorMapper
{
    /// <summary>The operation name of downloads from pre-signed URLs, in logs and exceptions.</summary>
    public const string Download = "download";

    /// <summary>The operation name of the token exchange, in logs and exceptions.</summary>
    public const string Lwa = "LWA";

    /// <summary>SP-API's {"errors":[...]} list of a response, cleaned; empty when the body is not that shape.</summary>
    public static IReadOnlyList<SpApiError> ReadErrors(byte[] body)
    {
        try
        {
            var errors = JsonSerializer.Deserialize<ErrorList>(body, SpApiJson.Options)?.Errors ?? new List<SpApiError>();
            return errors.Select(e => new SpApiError
            {
                Code = ServerText.Clean(e.Code) ?? string.Empty,
                Message = ServerText.Clean(e.Message) ?? string.Empty,
                Details = ServerText.Clean(e.Details),
            }).ToList();
        }
        catch (JsonException)
        {
            return Array.Empty<SpApiError>();
        }
    }

    /// <summary>A failed SP-API response, after every retry the policy allowed.</summary>
    public static SpApiException ForSpApi(OperationDescriptor operation, RawResponse response, IReadOnlyList<SpApiError> errors, int maxRetries)
    {
        var first = errors.FirstOrDefault();
        var status = (int)response.Status;
        var summary = first is null ? $"HTTP {status} {response.Status}" : $"HTTP {status} {first.ToString().TrimEnd('.')}";
        if (errors.Count > 1)
        {
            summary += $" (and {errors.Count - 1} more error(s))";
        }

        // SP-API never redirects: a 3xx comes from something in between, and it was not followed (the request
        // carries the access token). For a submission it proves nothing about whether the server got it.
        var redirect = status is >= 300 and < 400;
        var mayHaveBeenProcessed = !operation.IsIdempotent && !IsRejection(status, errors);
        // An unknown outcome quotes no server text: a 5xx body says "Please try again", the opposite of the advice.
        // Amazon's words stay in Errors; the message keeps its error code and the request id.
        var statusAndCode = first is null || string.IsNullOrEmpty(first.Code) ? $"HTTP {status}" : $"HTTP {status} ({first.Code})";
        var outcomeUnknownCause = !mayHaveBeenProcessed ? null
            : redirect ? $"the request was answered with a redirect ({statusAndCode}), which SP-API never sends, and the redirect was not followed"
            : status >= 500 ? $"the request reached the server, which answered {statusAndCode}"
            : $"the answer was {statusAndCode} without SP-API's list of errors, so it is no rejection Amazon made";
        var message = status switch
        {
            429 => $"{operation.Name} was throttled (HTTP 429) and still was after {maxRetries} retries: {summary}.",
            _ when mayHaveBeenProcessed => OutcomeUnknown(operation.Name, outcomeUnknownCause!),
            _ when redirect => $"{operation.Name} was answered with a redirect ({summary}), which SP-API never sends; it was not followed, so the access token went nowhere else.",
            _ => $"{operation.Name} failed with {summary}.",
        };
        message += RequestIdSentence(response.RequestId);

        return new SpApiException(
            message, operation.Name, SpApiException.KindOf(response.Status), response.Status, first?.Code, first?.Details, response.RequestId, errors,
            mayHaveBeenProcessed)
        {
            OutcomeUnknownCause = outcomeUnknownCause,
        };
    }

    /// <summary>" Request id: X." for the end of a message, or nothing when the response named none.</summary>
    public static string RequestIdSentence(string? requestId) =>
        requestId is null ? string.Empty : $" Request id: {ServerText.Clean(requestId)}.";

    // What is known first, then the advice; nothing in it can read as "send it again".
    private static string OutcomeUnknown(string operation, string cause) =>
        $"The outcome of {operation} is unknown: {cause}. Amazon may have processed it; it was not sent again. Check its outcome before you send it again.";

    /// <summary>
    /// True for the one answer that proves a request was not processed: a 4xx that carries SP-API's own
    /// {"errors": [...]} (400, 413, 415 and the like). A 4xx without it may come from something in between
    /// (a proxy's page), a 3xx was not followed, a 5xx may come after the work was done: none of them proves anything.
    /// </summary>
    public static bool IsRejection(int status, IReadOnlyList<SpApiError> errors) =>
        // A 429 is never processed, with or without a body; the retry policy re-sends a throttled submission for that reason.
        status == 429 || (status is >= 400 and < 500 && errors.Count > 0);

    /// <summary>
    /// A submission's success answer whose body is not what the model describes (cut short, not JSON, a
    /// promised field missing). That is no rejection: Amazon said yes and only the reading failed, so the
    /// outcome is unknown and the request must not be sent again.
    /// </summary>
    public static SpApiException ForUnreadableSuccess(OperationDescriptor operation, RawResponse response, SpApiException unreadable)
    {
        var cause = $"{operation.Name} was accepted (HTTP {(int)response.Status}), but its answer could not be read ({unreadable.Message.TrimEnd('.')})";
        return new SpApiException(
            OutcomeUnknown(operation.Name, cause) + RequestIdSentence(response.RequestId), operation.Name, SpApiFailureKind.InvalidResponse, response.Status,
            requestId: response.RequestId, requestMayHaveBeenProcessed: true, innerException: unreadable.InnerException ?? unreadable)
        {
            OutcomeUnknownCause = cause,
        };
    }

    /// <summary>A failed download: a lapsed URL (ask for a new one), or any other status.</summary>
    public static Exception ForDownload(Uri url, RawResponse response)
    {
        if (AmazonSignals.SaysUrlExpired(response))
        {
            return new DocumentUrlExpiredException($"The document URL for {url.AbsolutePath} had expired.");
        }

        var status = (int)response.Status;
        var message = status is >= 300 and < 400
            ? $"Downloading {url.AbsolutePath} was answered with a redirect (HTTP {status}) that was not followed: only redirects to https are."
            : $"Downloading {url.AbsolutePath} failed with HTTP {status}.";
        return new SpApiException(message, Download, SpApiException.KindOf(response.Status), response.Status, requestId: response.RequestId);
    }

    /// <summary>
    /// A body past its limit; not retried, since the same request would get the same body. A submission's
    /// answer that could not be read to its end proves nothing, so its outcome is unknown.
    /// </summary>
    public static SpApiException ForTooLarge(string operation, bool isIdempotent, ResponseTooLargeException tooLarge)
    {
        if (isIdempotent)
        {
            return new($"{operation}: {tooLarge.Message} The response was not read further.", operation, SpApiFailureKind.InvalidResponse, innerException: tooLarge);
        }

        var cause = $"its answer was larger than the module reads ({tooLarge.Message.TrimEnd('.')}), so it was not read to its end";
        return new(OutcomeUnknown(operation, cause), operation, SpApiFailureKind.InvalidResponse, requestMayHaveBeenProcessed: true, innerException: tooLarge)
        {
            OutcomeUnknownCause = cause,
        };
    }

    /// <summary>No answer in time on every attempt, or a connection that failed; <paramref name="address"/> is where it went.</summary>
    public static SpApiException ForTransport(string operation, Uri address, bool isIdempotent, Exception failure, SpApiClientOptions options)
    {
        if (TransportFailure.Lasting(failure) is { } lasting)
        {
            // Only the scheme, host and port: a pre-signed URL's query is its credential.
            var where = address.GetLeftPart(UriPartial.Authority);
            var why = lasting == LastingFailure.ConnectionRefused
                ? $"the connection to {where} was refused: nothing listens there"
                : $"the host name of {where} does not resolve";
            return new SpApiException(
                $"{operation} failed: {why} ({failure.Message}). It was not retried, since that does not change within seconds: check the address.",
                operation, SpApiFailureKind.Transport, innerException: failure);
        }

        var timedOut = failure is TimeoutRejectedException;
        var mayHaveBeenProcessed = !isIdempotent && !TransportFailure.ProvablyNotSent(failure);
        var timeout = $"{options.RequestTimeout.TotalSeconds:0.#} s";
        var outcomeUnknownCause = !mayHaveBeenProcessed ? null
            : timedOut ? $"the request went out and timed out after {timeout} with no answer"
            : $"the request went out and the connection failed ({failure.Message.TrimEnd('.')})";
        var message = mayHaveBeenProcessed
            ? OutcomeUnknown(operation, outcomeUnknownCause!)
            : $"{operation} {(timedOut ? $"timed out after {timeout}" : $"failed: {failure.Message}")} (after {options.MaxRetries} retries).";
        return new SpApiException(
            message, operation, timedOut ? SpApiFailureKind.Timeout : SpApiFailureKind.Transport,
            requestMayHaveBeenProcessed: mayHaveBeenProcessed, innerException: failure)
        {
            OutcomeUnknownCause = outcomeUnknownCause,
        };
    }

    /// <summary>Login with Amazon's refusal of a token request, with a hint for each of its documented errors.</summary>
    public static SpApiException ForLwa(RawResponse response)
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

        var code = ServerText.Clean(error?.Error) ?? $"http_{(int)response.Status}";
        var hint = code switch
        {
            "invalid_client" => " Check the client id and client secret (they belong to the app in Seller Central or Vendor Central).",
            "invalid_grant" => " The refresh token is invalid, expired or revoked: authorise the app again to get a new one.",
            "unauthorized_client" => " The app is not allowed to use this grant type.",
            "invalid_scope" => " The scope is not valid for a grantless call.",
            "server_error" or "temporarily_unavailable" => " Login with Amazon is having trouble; try again later.",
            _ => string.Empty,
        };
        var errorDescription = ServerText.Clean(error?.ErrorDescription);
        var description = string.IsNullOrEmpty(errorDescription) ? string.Empty : $": {errorDescription}";
        var status = response.Status == HttpStatusCode.OK ? HttpStatusCode.BadGateway : response.Status;
        // A throttled or failing token endpoint is not a refusal of the credentials: trying later may succeed.
        var kind = SpApiException.KindOf(status) is SpApiFailureKind.Throttled or SpApiFailureKind.ServerError
            ? SpApiException.KindOf(status)
            : SpApiFailureKind.AuthenticationFailed;
        return new SpApiException(
            $"Login with Amazon refused the token request ({code}{description}).{hint}",
            Lwa, kind, status, ServerText.Clean(error?.Error), errorDescription, response.RequestId);
    }

    private sealed class ErrorList
    {
        public List<SpApiError>? Errors { get; set; }
    }

    private sealed class LwaError
    {
        [JsonPropertyName("error")]
        public string? Error { get; set; }

        [JsonPropertyName("error_description")]
        public string? ErrorDescription { get; set; }
    }
}
