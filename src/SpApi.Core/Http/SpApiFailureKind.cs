namespace SpApi.Core.Http;

/// <summary>
/// What kind of failure an <see cref="SpApiException"/> is: the client's own reason, kept apart from
/// Amazon's error code (<see cref="SpApiException.AmazonErrorCode"/>), so callers decide on a type, never on text.
/// </summary>
public enum SpApiFailureKind
{
    /// <summary>HTTP 400: the server rejected the request (SP-API's InvalidInput and similar).</summary>
    InvalidRequest,

    /// <summary>HTTP 401 or 403: the app lacks the role, or a token stayed refused.</summary>
    AccessDenied,

    /// <summary>HTTP 404: the resource does not exist, for example an unknown purchase order.</summary>
    NotFound,

    /// <summary>HTTP 429 that persisted after every retry.</summary>
    Throttled,

    /// <summary>HTTP 5xx that persisted after every retry (or was not retried, for a submission).</summary>
    ServerError,

    /// <summary>Any other HTTP status.</summary>
    UnexpectedStatus,

    /// <summary>Login with Amazon refused the token request (invalid_client, invalid_grant and so on).</summary>
    AuthenticationFailed,

    /// <summary>No answer within the request timeout, on every attempt.</summary>
    Timeout,

    /// <summary>The endpoint or the token endpoint could not be reached, or the connection broke; no HTTP status.</summary>
    Transport,

    /// <summary>A response arrived but is not what the model describes (not JSON, or a promised field missing).</summary>
    InvalidResponse,

    /// <summary>Paging stopped: the server returned a nextToken it had already returned.</summary>
    RepeatedNextToken,

    /// <summary>Paging stopped: the server returned ten empty pages in a row, each with a new nextToken, so it would never end.</summary>
    EndlessPaging,
}
