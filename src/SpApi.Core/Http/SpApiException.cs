using System.Net;
using SpApi.Core.Diagnostics;

namespace SpApi.Core.Http;

/// <summary>
/// The one exception the Core throws for a failed SP-API or Login with Amazon call. It keeps what a
/// person needs to act or to open a support case: what kind of failure it is, HTTP status, Amazon's error
/// code, details, request id and operation, and the inner exception of a transport failure.
/// </summary>
public sealed class SpApiException : Exception
{
    /// <summary>Creates the exception; the message and details are redacted.</summary>
    public SpApiException(
        string message,
        string operation,
        SpApiFailureKind kind,
        HttpStatusCode? statusCode = null,
        string? amazonErrorCode = null,
        string? details = null,
        string? requestId = null,
        IReadOnlyList<SpApiError>? errors = null,
        bool requestMayHaveBeenProcessed = false,
        Exception? innerException = null)
        : base(SecretRedactor.Redact(message), innerException)
    {
        Operation = operation;
        Kind = kind;
        StatusCode = statusCode;
        AmazonErrorCode = amazonErrorCode;
        Details = details is null ? null : SecretRedactor.Redact(details);
        RequestId = requestId;
        Errors = errors ?? Array.Empty<SpApiError>();
        RequestMayHaveBeenProcessed = requestMayHaveBeenProcessed;
    }

    /// <summary>The same failure told with more context (what it means for the caller); every other field is kept and this becomes the inner exception.</summary>
    public SpApiException WithMessage(string message, bool? requestMayHaveBeenProcessed = null)
    {
        var mayHaveBeenProcessed = requestMayHaveBeenProcessed ?? RequestMayHaveBeenProcessed;
        return new(message, Operation, Kind, StatusCode, AmazonErrorCode, Details, RequestId, Errors, mayHaveBeenProcessed, this)
        {
            OutcomeUnknownCause = mayHaveBeenProcessed ? OutcomeUnknownCause : null,
        };
    }

    /// <summary>
    /// When <see cref="RequestMayHaveBeenProcessed"/>: what is known of the request, in the client's own words
    /// ("the request reached the server, which answered HTTP 500 (InternalFailure)"), so a caller can say what
    /// it means for its own items without repeating the server's text.
    /// </summary>
    internal string? OutcomeUnknownCause { get; init; }

    /// <summary>A success response that lacks what the model promises, for example a payload or an id.</summary>
    internal static SpApiException MissingInResponse(Operations.OperationDescriptor operation, string what, HttpStatusCode? statusCode = null, string? requestId = null) =>
        new($"{operation.Name} returned no {what}.", operation.Name, SpApiFailureKind.InvalidResponse, statusCode, requestId: requestId);

    /// <summary>The kind of a failed HTTP response, from its status alone.</summary>
    internal static SpApiFailureKind KindOf(HttpStatusCode status) => (int)status switch
    {
        400 => SpApiFailureKind.InvalidRequest,
        401 or 403 => SpApiFailureKind.AccessDenied,
        404 => SpApiFailureKind.NotFound,
        429 => SpApiFailureKind.Throttled,
        >= 500 => SpApiFailureKind.ServerError,
        _ => SpApiFailureKind.UnexpectedStatus,
    };

    /// <summary>The operation that failed, for example getCustomerInvoices, or "LWA" for the token endpoint.</summary>
    public string Operation { get; }

    /// <summary>What kind of failure this is: the client's own reason, whatever Amazon's code says.</summary>
    public SpApiFailureKind Kind { get; }

    /// <summary>The HTTP status, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>
    /// Amazon's error code: SP-API's code of the first error (for example InvalidInput) or LWA's error (for
    /// example invalid_grant); null when no response arrived or it named none. The client's own reason is <see cref="Kind"/>.
    /// </summary>
    public string? AmazonErrorCode { get; }

    /// <summary>The error's details field, when the server sent one.</summary>
    public string? Details { get; }

    /// <summary>The x-amzn-RequestId of the failed response, for Amazon support.</summary>
    public string? RequestId { get; }

    /// <summary>Every error in the response body.</summary>
    public IReadOnlyList<SpApiError> Errors { get; }

    /// <summary>
    /// True when a non-idempotent request (a submission) failed in a way that does not prove the server
    /// ignored it. Such a request is never re-sent automatically; check its outcome before sending it again.
    /// </summary>
    public bool RequestMayHaveBeenProcessed { get; }
}
