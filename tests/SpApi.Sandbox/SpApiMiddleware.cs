using System.Text.RegularExpressions;
using SpApi.Core.Operations;

namespace SpApi.Sandbox;

/// <summary>
/// What SP-API does around an operation: request ids, faults on demand (before it runs, or after it has
/// run and only its answer is lost), the access-token and RDT checks, and the token buckets. The operation
/// comes from the module's own operation table.
/// </summary>
internal sealed class SpApiMiddleware
{
    private static readonly (OperationDescriptor Operation, Regex Path)[] Routes = SpApiOperations.All
        .Select(o => (o, new Regex("^" + Regex.Replace(o.PathTemplate, @"\{[^}]+\}", "[^/]+") + "$", RegexOptions.Compiled)))
        .ToArray();

    private readonly SandboxState state;

    public SpApiMiddleware(SandboxState state) => this.state = state;

    private static OperationDescriptor? Match(string method, string path) =>
        Routes.FirstOrDefault(r => r.Operation.Method.Method == method && r.Path.IsMatch(path)).Operation;

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path.Value ?? "/";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        // Document downloads stand for S3's pre-signed URLs: no token, but faults on demand, as "download".
        var download = path.StartsWith(TaxInvoiceEndpoints.DownloadPath, StringComparison.Ordinal);
        if (path == SandboxFaults.RedirectTargetPath)
        {
            // Stands for another host: whatever arrives here followed a redirect; it answers like a success.
            state.Counters.RedirectTargetHit(context.Request.Headers.ContainsKey("x-amz-access-token"));
            await context.Response.WriteAsync("{}");
            return;
        }

        if (path.StartsWith("/_sandbox", StringComparison.Ordinal) && !download)
        {
            await next();
            return;
        }

        var operation = Match(context.Request.Method, path);
        if (operation is not null)
        {
            state.Counters.Request(operation.Name);
        }

        var name = operation?.Name ?? (path == LwaEndpoints.TokenPath ? "LWA" : download ? "download" : path);
        var fault = state.Faults.Next(name);
        if (fault is not null)
        {
            state.Counters.Fault();
        }

        switch (fault)
        {
            case FaultKind.ResetAfterProcessing or FaultKind.InternalServerErrorAfterProcessing or FaultKind.TruncatedSuccess:
                await FailAfterProcessingAsync(context, fault.Value, () => ProcessAsync(context, operation, path, next));
                return;
            case { } before when !await ApplyFaultAsync(context, before, name):
                return;
        }

        await ProcessAsync(context, operation, path, next);
    }

    // The access-token and RDT checks, the token bucket, then the endpoint.
    private async Task ProcessAsync(HttpContext context, OperationDescriptor? operation, string path, Func<Task> next)
    {
        if (operation is null)
        {
            await next();
            return;
        }

        var token = state.Tokens.Find(context.Request.Headers["x-amz-access-token"].FirstOrDefault());
        var denied = Authorize(token, operation, context.Request.Method, path);
        if (denied is not null)
        {
            await SpApiResults.WriteError(context, 403, "Unauthorized", denied.Value.Message, denied.Value.Details);
            return;
        }

        if (!state.Buckets.TryTake(operation, token!.Account))
        {
            state.Counters.Throttle();
            await SpApiResults.WriteError(context, 429, "QuotaExceeded", "You exceeded your quota for the requested resource.");
            return;
        }

        var rate = context.Items.ContainsKey(FaultKind.AbsurdRateLimit)
            ? SandboxFaults.AbsurdRateLimit
            : state.Buckets.RateOf(operation).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.OnStarting(() =>
        {
            // Amazon sends the header on successes, 400 and 404 only.
            if (context.Response.StatusCode is >= 200 and < 300 or 400 or 404)
            {
                context.Response.Headers["x-amzn-RateLimit-Limit"] = rate;
            }

            return Task.CompletedTask;
        });
        context.Items[typeof(OperationDescriptor)] = operation;
        await next();
    }

    // The request runs to its end with its answer held back, so whatever it does (a transaction, counters)
    // happens; the client then gets a dropped connection, a 500 or a cut answer instead, as when a server or
    // a proxy fails after the server committed.
    private static async Task FailAfterProcessingAsync(HttpContext context, FaultKind fault, Func<Task> process)
    {
        var response = context.Response;
        var body = response.Body;
        byte[] answer;
        await using (var held = new MemoryStream())
        {
            response.Body = held;
            try
            {
                await process();
            }
            finally
            {
                response.Body = body;
            }

            answer = held.ToArray();
        }

        if (fault == FaultKind.ResetAfterProcessing)
        {
            context.Abort();
            return;
        }

        if (fault == FaultKind.TruncatedSuccess)
        {
            await WriteTruncatedAsync(context, answer);
            return;
        }

        await WriteInternalServerError(context);
    }

    // The processed answer with its end cut off; Content-Length matches what is sent, so the client reads
    // a complete exchange whose body is broken, as behind a proxy that lost the last bytes. Not a 2xx: sent whole.
    private static async Task WriteTruncatedAsync(HttpContext context, byte[] body)
    {
        var cut = context.Response.StatusCode is >= 200 and < 300
            ? body.AsMemory(0, Math.Max(0, body.Length - SandboxFaults.TruncatedBytes))
            : body;
        context.Response.ContentLength = cut.Length;
        await context.Response.Body.WriteAsync(cut);
    }

    private (string Message, string? Details)? Authorize(SandboxTokens.Issued? token, OperationDescriptor operation, string method, string path)
    {
        if (token is null)
        {
            return ("Access to requested resource is denied.", "The request has no valid x-amz-access-token.");
        }

        if (state.Tokens.IsExpired(token))
        {
            return ("The security token included in the request is expired", null);
        }

        if (operation.Restricted && !token.Covers(method, path))
        {
            return ("Access to requested resource is denied.",
                $"{operation.Name} is a restricted operation: call it with a restricted data token that covers {method} {operation.PathTemplate}.");
        }

        if (!operation.Restricted && token.IsRestrictedDataToken)
        {
            return ("Access to requested resource is denied.", "A restricted data token only works for the operations it was issued for.");
        }

        return null;
    }

    // Applies a fault that strikes before processing; returns false when the fault answered the request.
    private async Task<bool> ApplyFaultAsync(HttpContext context, FaultKind fault, string name)
    {
        switch (fault)
        {
            case FaultKind.InternalServerError:
                await WriteInternalServerError(context);
                return false;
            case FaultKind.ServiceUnavailable:
                await SpApiResults.WriteError(context, 503, "ServiceUnavailable", "Service temporarily unavailable. Please try again.");
                return false;
            case FaultKind.TooManyRequests:
                state.Counters.Throttle();
                await SpApiResults.WriteError(context, 429, "QuotaExceeded", "You exceeded your quota for the requested resource.");
                return false;
            case FaultKind.ConnectionReset:
                context.Abort();
                return false;
            case FaultKind.Slow:
                await state.Faults.HoldAsync(name, state.Faults.SlowDelay, context.RequestAborted);
                return true;
            case FaultKind.Hang:
                await state.Faults.HoldAsync(name, Timeout.InfiniteTimeSpan, context.RequestAborted);
                return false;
            case FaultKind.ExpiredToken:
                await SpApiResults.WriteError(context, 403, "Unauthorized", "The security token included in the request is expired");
                return false;
            case FaultKind.RedirectElsewhere or FaultKind.TemporaryRedirectElsewhere:
                context.Response.StatusCode = fault == FaultKind.RedirectElsewhere ? 302 : 307;
                context.Response.Headers.Location = $"{context.Request.Scheme}://{context.Request.Host}{SandboxFaults.RedirectTargetPath}";
                return false;
            case FaultKind.EndlessBody:
                await MisbehavingBodies.WriteEndlessAsync(context);
                return false;
            case FaultKind.GzipBomb:
                await MisbehavingBodies.WriteGzipBombAsync(context);
                return false;
            case FaultKind.CorruptZip:
                context.Response.ContentType = "application/zip";
                await context.Response.Body.WriteAsync(SandboxFaults.CorruptZip);
                return false;
            case FaultKind.ZipBomb:
                await MisbehavingBodies.WriteZipBombAsync(context);
                return false;
            case FaultKind.HugeErrorMessage:
                await SpApiResults.WriteError(context, 400, "InvalidInput", MisbehavingBodies.HugeMessage());
                return false;
            case FaultKind.ShortLivedToken or FaultKind.ControlCharactersInToken or FaultKind.AbsurdRateLimit
                or FaultKind.EndlessEmptyPages or FaultKind.NullInList or FaultKind.OtherPurchaseOrder or FaultKind.ConflictingRepeat
                or FaultKind.DuplicateZipEntries or FaultKind.LongZipEntryName:
                // Marks the request for the endpoint (or the rate header) to act on; it then runs normally.
                context.Items[fault] = true;
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, "This fault strikes after processing.");
        }
    }

    private static Task WriteInternalServerError(HttpContext context) =>
        SpApiResults.WriteError(context, 500, "InternalFailure", "We encountered an internal error. Please try again.");
}
