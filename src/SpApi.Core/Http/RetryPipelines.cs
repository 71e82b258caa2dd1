using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SpApi.Core.Diagnostics;

namespace SpApi.Core.Http;

/// <summary>
/// The Polly pipelines of the request path. Idempotent requests (GET, the LWA token exchange) retry
/// 429, 5xx, timeouts and transport failures; a submission retries only what provably was not
/// processed: a 429, or a connection that was never made. A refused connection or a host name that does
/// not resolve is retried by neither: it would fail the same way for every attempt. Every retry count and
/// delay is capped.
/// </summary>
internal sealed class RetryPipelines
{
    internal static readonly ResiliencePropertyKey<string> OperationKey = new("SpApi.Operation");

    private readonly ResiliencePipeline<RawResponse> idempotent;
    private readonly ResiliencePipeline<RawResponse> nonIdempotent;

    // The per-attempt timeout; it starts after the rate-limit wait and the token, when the request leaves.
    private readonly ResiliencePipeline timeout;

    public RetryPipelines(SpApiClientOptions options)
    {
        idempotent = Build(options, idempotent: true);
        nonIdempotent = Build(options, idempotent: false);
        timeout = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }
            .AddTimeout(options.RequestTimeout)
            .Build();
    }

    /// <summary>
    /// Runs the attempts of one call: <paramref name="beforeEachAttempt"/> (the rate-limit wait), then
    /// <paramref name="send"/> (which times what it sends with <see cref="WithinTimeoutAsync{T}"/>), retried as
    /// <paramref name="isIdempotent"/> allows.
    /// </summary>
    public async Task<RawResponse> ExecuteAsync(
        string operation,
        bool isIdempotent,
        Func<CancellationToken, Task>? beforeEachAttempt,
        Func<CancellationToken, Task<RawResponse>> send,
        CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OperationKey, operation);
        try
        {
            return await (isIdempotent ? idempotent : nonIdempotent).ExecuteAsync(
                async ctx =>
                {
                    if (beforeEachAttempt is not null)
                    {
                        await beforeEachAttempt(ctx.CancellationToken).ConfigureAwait(false);
                    }

                    return await send(ctx.CancellationToken).ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Runs one attempt's exchange within the request timeout, on the client's clock; throws TimeoutRejectedException when it runs out.</summary>
    public async Task<T> WithinTimeoutAsync<T>(Func<CancellationToken, Task<T>> exchange, CancellationToken cancellationToken) =>
        await timeout.ExecuteAsync(async ct => await exchange(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    internal static bool ShouldRetry(Outcome<RawResponse> outcome, bool idempotent)
    {
        if (outcome.Exception is { } exception)
        {
            if (exception is TimeoutRejectedException)
            {
                return idempotent;
            }

            if (exception is OperationCanceledException || TransportFailure.Lasting(exception) is not null)
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

    private static ResiliencePipeline<RawResponse> Build(SpApiClientOptions options, bool idempotent)
    {
        var builder = new ResiliencePipelineBuilder<RawResponse> { TimeProvider = options.TimeProvider };
        // Polly refuses a retry strategy of zero attempts, and MaxRetries = 0 (no retries) is a valid setting.
        return options.MaxRetries == 0 ? builder.Build() : builder
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
                    SpApiLogScope.Write(options.Log, new SpApiLogEvent(
                        SpApiLogLevel.Verbose, SpApiLogKind.Retry, operation,
                        $"retry {args.AttemptNumber + 1} of {options.MaxRetries} in {args.RetryDelay.TotalSeconds:0.###} s after {reason}")
                    { Delay = args.RetryDelay });
                    return default;
                },
            })
            .Build();
    }
}
