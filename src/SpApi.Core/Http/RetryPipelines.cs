using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SpApi.Core.Diagnostics;

namespace SpApi.Core.Http;

/// <summary>
/// The Polly pipelines of the request path. Idempotent requests (GET, the LWA token exchange) retry
/// 429, 5xx, timeouts and transport failures; a submission retries only what provably was not
/// processed: a 429, or a connection that was never made. Every retry count and delay is capped.
/// </summary>
internal sealed class RetryPipelines
{
    internal static readonly ResiliencePropertyKey<string> OperationKey = new("SpApi.Operation");

    public RetryPipelines(SpApiClientOptions options, TimeProvider time, ISpApiLog? log)
    {
        Idempotent = Build(options, time, log, idempotent: true);
        NonIdempotent = Build(options, time, log, idempotent: false);
        Timeout = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(options.RequestTimeout)
            .Build();
    }

    /// <summary>For requests that may be sent twice without harm.</summary>
    public ResiliencePipeline<RawResponse> Idempotent { get; }

    /// <summary>For submissions.</summary>
    public ResiliencePipeline<RawResponse> NonIdempotent { get; }

    /// <summary>The per-attempt timeout; it starts after the rate-limit wait, not before.</summary>
    public ResiliencePipeline Timeout { get; }

    public ResiliencePipeline<RawResponse> For(bool idempotent) => idempotent ? Idempotent : NonIdempotent;

    internal static bool ShouldRetry(Outcome<RawResponse> outcome, bool idempotent)
    {
        if (outcome.Exception is { } exception)
        {
            if (exception is TimeoutRejectedException)
            {
                return idempotent;
            }

            if (exception is OperationCanceledException)
            {
                return false;
            }

            return TransportFailure.ProvablyNotSent(exception) || (idempotent && TransportFailure.IsTransport(exception));
        }

        var status = outcome.Result!.Status;
        return status == (HttpStatusCode)429
            || (idempotent && status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
                or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout);
    }

    private static ResiliencePipeline<RawResponse> Build(SpApiClientOptions options, TimeProvider time, ISpApiLog? log, bool idempotent) =>
        new ResiliencePipelineBuilder<RawResponse> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<RawResponse>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, idempotent)),
                DelayGenerator = args =>
                {
                    // A server that says when to come back is believed, within the cap.
                    var retryAfter = args.Outcome.Result?.RetryAfter;
                    return new ValueTask<TimeSpan?>(retryAfter is { } wait && wait <= options.RetryMaxDelay ? wait : null);
                },
                OnRetry = args =>
                {
                    var operation = args.Context.Properties.GetValue(OperationKey, "request");
                    var reason = args.Outcome.Exception is { } ex
                        ? ex is TimeoutRejectedException ? "timed out" : $"{ex.GetType().Name}: {ex.Message}"
                        : $"HTTP {(int)args.Outcome.Result!.Status}";
                    SpApiLogScope.Write(log, new SpApiLogEvent(
                        SpApiLogLevel.Verbose, SpApiLogKind.Retry, operation,
                        $"retry {args.AttemptNumber + 1} of {options.MaxRetries} in {args.RetryDelay.TotalSeconds:0.###} s after {reason}")
                    { Delay = args.RetryDelay });
                    return default;
                },
            })
            .Build();
}
