namespace SpApi.Core.Diagnostics;

/// <summary>
/// The logging hook. Core writes nothing to the console; a host (the cmdlets, a test) decides
/// where events go. Every event has already been redacted when it arrives here.
/// </summary>
public interface ISpApiLog
{
    /// <summary>Receives one event. Called from worker threads, so implementations must be thread-safe.</summary>
    void Write(SpApiLogEvent logEvent);
}

/// <summary>How much detail an event carries: Verbose is one line per call, Debug adds headers.</summary>
public enum SpApiLogLevel
{
    /// <summary>Per-call summaries: operation, status, request id, waits and retries.</summary>
    Verbose,

    /// <summary>Extra detail such as request and response headers (redacted).</summary>
    Debug,
}

/// <summary>What happened.</summary>
public enum SpApiLogKind
{
    /// <summary>A request is about to be sent.</summary>
    Request,

    /// <summary>A response arrived.</summary>
    Response,

    /// <summary>A request failed and will be retried after a delay.</summary>
    Retry,

    /// <summary>The caller waits for the operation's rate-limit bucket.</summary>
    RateLimitWait,

    /// <summary>An access token or restricted data token was requested.</summary>
    Token,

    /// <summary>The operation's rate was adjusted from x-amzn-RateLimit-Limit.</summary>
    RateLimitAdjusted,

    /// <summary>The bucket state shared with the user's other processes was unusable: started over, or kept in this process alone.</summary>
    RateLimitShared,
}

/// <summary>One diagnostic event of the request path.</summary>
public sealed class SpApiLogEvent
{
    /// <summary>Creates an event; the message is redacted before it is stored.</summary>
    public SpApiLogEvent(SpApiLogLevel level, SpApiLogKind kind, string operation, string message)
    {
        Level = level;
        Kind = kind;
        Operation = operation;
        Message = SecretRedactor.Redact(message);
    }

    /// <summary>Verbose or Debug.</summary>
    public SpApiLogLevel Level { get; }

    /// <summary>The kind of event.</summary>
    public SpApiLogKind Kind { get; }

    /// <summary>The SP-API operation name, for example getCustomerInvoices.</summary>
    public string Operation { get; }

    /// <summary>A one-line, human-readable description with secrets redacted.</summary>
    public string Message { get; }

    /// <summary>How long the caller waits, for RateLimitWait and Retry events.</summary>
    public TimeSpan? Delay { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Operation}: {Message}";
}
