using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Diagnostics;
using SpApi.Core.Limits;
using SpApi.Sandbox;
using SpApi.Tests.Support;

namespace SpApi.Tests.RequestPath;

/// <summary>Core part 9 (cancellation): every wait and the HTTP send itself honour the token.</summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task ARequestInFlightIsCancelledWithoutWaitingForItsAnswer()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        // Longer than the hang limit: a call that waited for the answer fails the test instead of passing late.
        sandbox.State.Faults.SlowDelay = TimeSpan.FromMinutes(5);
        var api = new CustomerInvoicesApi(sandbox.Client());
        await api.GetCustomerInvoiceAsync("PO00000001", CancellationToken.None);
        sandbox.State.Faults.Inject(FaultKind.Slow, 1, "getCustomerInvoice");
        var held = sandbox.State.Faults.NextSlowStart("getCustomerInvoice");
        var letGo = sandbox.State.Faults.NextSlowEnd("getCustomerInvoice");
        using var cancellation = new CancellationTokenSource();

        var call = api.GetCustomerInvoiceAsync("PO00000002", cancellation.Token);
        await held;
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.Within());
        Assert.True(await letGo, "the server answered: the send itself was not cancelled");
    }

    [Fact]
    public async Task AWaitForTheRateLimitIsCancelled()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var frozen = new RateLimiterRegistry(new FakeTimeProvider());
        var log = new CapturingLog();
        var api = new CustomerInvoicesApi(sandbox.Client(log, rateLimiters: frozen));
        for (var i = 1; i <= 9; i++)
        {
            await api.GetCustomerInvoiceAsync($"PO{i:D8}", CancellationToken.None);
        }

        using var cancellation = new CancellationTokenSource();
        var call = api.GetCustomerInvoiceAsync("PO00000010", cancellation.Token);

        // The bucket of the frozen clock is empty: the call says it waits, and is cancelled while waiting.
        await log.WhenLogged(e => e.Kind == SpApiLogKind.RateLimitWait && e.Operation == "getCustomerInvoice");
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.Within());
        Assert.Equal(9, sandbox.Counters.RequestsFor("getCustomerInvoice"));
    }

    [Fact]
    public async Task AnAlreadyCancelledTokenSendsNothing()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new CustomerInvoicesApi(sandbox.Client());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.GetCustomerInvoiceAsync("PO00000001", new CancellationToken(canceled: true)));

        Assert.Equal(0, sandbox.Counters.Requests);
        Assert.Equal(0, sandbox.Counters.AccessTokensIssued);
    }
}
