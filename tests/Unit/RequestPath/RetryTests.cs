using System.Net;
using System.Net.Sockets;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Diagnostics;
using SpApi.Core.Http;
using SpApi.Core.Operations;
using SpApi.Sandbox;
using SpApi.Tests.Support;

namespace SpApi.Tests.RequestPath;

/// <summary>Core part 5 (retries), with faults injected by the sandbox.</summary>
public sealed class RetryTests
{
    // The request timeout of the timeout tests, on a fake clock: it passes only when the test advances the clock
    // (on the wall clock it would outlast the tests' hang limit, so a timeout that ignored the clock fails them).
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task GetsAreRetriedThrough5xxAndResetsUntilTheySucceed()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var log = new CapturingLog();
        var api = new CustomerInvoicesApi(sandbox.Client(log, maxRetries: 4));
        await api.GetCustomerInvoiceAsync("PO00000001", CancellationToken.None);
        sandbox.State.Faults.Inject(FaultKind.ServiceUnavailable, 2, "getCustomerInvoice");
        sandbox.State.Faults.Inject(FaultKind.InternalServerError, 1, "getCustomerInvoice");
        sandbox.State.Faults.Inject(FaultKind.ConnectionReset, 1, "getCustomerInvoice");

        var invoice = await api.GetCustomerInvoiceAsync("PO00000002", CancellationToken.None);

        Assert.Equal("PO00000002", invoice.PurchaseOrderNumber);
        Assert.Equal(1 + 5, sandbox.Counters.RequestsFor("getCustomerInvoice"));
        Assert.Equal(4, log.Of(SpApiLogKind.Retry).Count());
    }

    [Fact]
    public async Task RetriesAreCapped()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new CustomerInvoicesApi(sandbox.Client(maxRetries: 3));
        sandbox.State.Faults.Inject(FaultKind.InternalServerError, 100, "getCustomerInvoice");

        var error = await Assert.ThrowsAsync<SpApiException>(() => api.GetCustomerInvoiceAsync("PO00000001", CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(SpApiFailureKind.ServerError, error.Kind);
        Assert.Equal("InternalFailure", error.AmazonErrorCode);
        Assert.False(error.RequestMayHaveBeenProcessed);
        Assert.Equal(4, sandbox.Counters.RequestsFor("getCustomerInvoice"));
    }

    [Fact]
    public async Task ThrottlingRetriesAreCappedToo()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new CustomerInvoicesApi(sandbox.Client(maxRetries: 3));
        sandbox.State.Faults.Inject(FaultKind.TooManyRequests, 100, "getCustomerInvoice");

        var error = await Assert.ThrowsAsync<SpApiException>(() => api.GetCustomerInvoiceAsync("PO00000001", CancellationToken.None));

        Assert.Equal((HttpStatusCode)429, error.StatusCode);
        Assert.Contains("still was after 3 retries", error.Message);
        Assert.Equal(4, sandbox.Counters.RequestsFor("getCustomerInvoice"));
    }

    [Fact]
    public async Task ASubmissionIsNotRetriedAfterA500()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = sandbox.Client();
        sandbox.State.Faults.Inject(FaultKind.InternalServerError, 1, "submitInvoices");

        var error = await Assert.ThrowsAsync<SpApiException>(() => client.SendAsync<object>(Submission(), CancellationToken.None));

        Assert.Equal("submitInvoices", error.Operation);
        Assert.True(error.RequestMayHaveBeenProcessed);
        Assert.Contains("not sent again", error.Message);
        Assert.Equal(1, sandbox.Counters.RequestsFor("submitInvoices"));
    }

    [Fact]
    public async Task ASubmissionIsNotRetriedAfterTheConnectionDropsMidRequest()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = sandbox.Client();
        sandbox.State.Faults.Inject(FaultKind.ConnectionReset, 1, "submitInvoices");

        var error = await Assert.ThrowsAsync<SpApiException>(() => client.SendAsync<object>(Submission(), CancellationToken.None));

        Assert.True(error.RequestMayHaveBeenProcessed);
        Assert.Equal(SpApiFailureKind.Transport, error.Kind);
        Assert.Equal(1, sandbox.Counters.RequestsFor("submitInvoices"));
    }

    [Fact]
    public async Task ASubmissionIsRetriedAfterA429()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = sandbox.Client();
        sandbox.State.Faults.Inject(FaultKind.TooManyRequests, 2, "submitInvoices");

        // The third attempt reaches the submission endpoint, which refuses the empty invoice list with a 400 that is not retried.
        var error = await Assert.ThrowsAsync<SpApiException>(() => client.SendAsync<object>(Submission(), CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(3, sandbox.Counters.RequestsFor("submitInvoices"));
    }

    [Fact]
    public async Task TokenCreationIsRetriedAfterA500BecauseItHasNoSideEffect()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new CustomerInvoicesApi(sandbox.Client());
        sandbox.State.Faults.Inject(FaultKind.InternalServerError, 2, "createRestrictedDataToken");

        await api.GetCustomerInvoiceAsync("PO00000001", CancellationToken.None);

        Assert.Equal(3, sandbox.Counters.RequestsFor("createRestrictedDataToken"));
    }

    [Fact]
    public async Task ATimedOutGetIsRetried()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        // The server holds the request far beyond the test; only the client's timeout, on its fake clock, ends it.
        sandbox.State.Faults.SlowDelay = TimeSpan.FromMinutes(5);
        var clock = new FakeTimeProvider();
        var log = new CapturingLog();
        var api = new CustomerInvoicesApi(sandbox.Client(log, clock, requestTimeout: RequestTimeout, retryDelay: TimeSpan.Zero));
        await api.GetCustomerInvoiceAsync("PO00000001", CancellationToken.None);
        sandbox.State.Faults.Inject(FaultKind.Slow, 1, "getCustomerInvoice");
        var held = sandbox.State.Faults.NextSlowStart("getCustomerInvoice");

        var call = api.GetCustomerInvoiceAsync("PO00000002", CancellationToken.None);
        await held;
        clock.Advance(RequestTimeout);
        var invoice = await call.Within();

        Assert.Equal("PO00000002", invoice.PurchaseOrderNumber);
        Assert.Equal(3, sandbox.Counters.RequestsFor("getCustomerInvoice"));
        Assert.Contains("after timed out", Assert.Single(log.Of(SpApiLogKind.Retry)).Message);
    }

    [Fact]
    public async Task ATimedOutSubmissionIsReportedAsUnknownAndNotResent()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.State.Faults.SlowDelay = TimeSpan.FromMinutes(5);
        var clock = new FakeTimeProvider();
        var client = sandbox.Client(time: clock, requestTimeout: RequestTimeout, retryDelay: TimeSpan.Zero);
        sandbox.State.Faults.Inject(FaultKind.Slow, 1, "submitInvoices");
        var held = sandbox.State.Faults.NextSlowStart("submitInvoices");

        var call = client.SendAsync<object>(Submission(), CancellationToken.None);
        await held;
        clock.Advance(RequestTimeout);
        var error = await Assert.ThrowsAsync<SpApiException>(() => call.Within());

        Assert.Equal(SpApiFailureKind.Timeout, error.Kind);
        Assert.Contains("timed out after 120 s", error.Message);
        Assert.True(error.RequestMayHaveBeenProcessed);
        Assert.Equal(1, sandbox.Counters.RequestsFor("submitInvoices"));
    }

    [Theory]
    [InlineData("GET", 500, true)]
    [InlineData("GET", 502, true)]
    [InlineData("GET", 503, true)]
    [InlineData("GET", 504, true)]
    [InlineData("GET", 429, true)]
    [InlineData("GET", 400, false)]
    [InlineData("GET", 403, false)]
    [InlineData("GET", 404, false)]
    [InlineData("POST", 429, true)]
    [InlineData("POST", 500, false)]
    [InlineData("POST", 503, false)]
    [InlineData("POST", 400, false)]
    public void TheRetryDecisionFollowsStatusAndMethod(string method, int status, bool retried)
    {
        var outcome = Polly.Outcome.FromResult(new RawResponse((HttpStatusCode)status, Array.Empty<byte>(), Array.Empty<KeyValuePair<string, string>>()));
        Assert.Equal(retried, RetryPipelines.ShouldRetry(outcome, idempotent: method == "GET"));
    }

    [Fact]
    public void AConnectionNeverMadeIsRetriedEvenForAPostButAResetIsNot()
    {
        // A refused connection is never retried at all (LastingTransportFailureTests).
        var unreachable = new HttpRequestException("unreachable", new SocketException((int)SocketError.NetworkUnreachable));
        var reset = new HttpRequestException("reset", new IOException("connection reset", new SocketException((int)SocketError.ConnectionReset)));

        Assert.True(RetryPipelines.ShouldRetry(Polly.Outcome.FromException<RawResponse>(unreachable), idempotent: false));
        Assert.False(RetryPipelines.ShouldRetry(Polly.Outcome.FromException<RawResponse>(reset), idempotent: false));
        Assert.True(RetryPipelines.ShouldRetry(Polly.Outcome.FromException<RawResponse>(reset), idempotent: true));
        Assert.False(RetryPipelines.ShouldRetry(Polly.Outcome.FromException<RawResponse>(new OperationCanceledException()), idempotent: true));
    }

    private static SpApiRequest Submission() =>
        new SpApiRequest(SpApiOperations.SubmitVendorInvoices).WithJsonBody(new { invoices = Array.Empty<object>() });
}
