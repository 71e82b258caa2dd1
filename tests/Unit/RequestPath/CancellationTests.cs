using System.Diagnostics;
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
    public async Task ARequestInFlightIsCancelledWithinASecond()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.State.Faults.SlowDelay = TimeSpan.FromMinutes(5);
        var api = new CustomerInvoicesApi(sandbox.Client());
        await api.GetCustomerInvoiceAsync("PO00000001", CancellationToken.None);
        sandbox.State.Faults.Inject(FaultKind.Slow, 1, "getCustomerInvoice");
        using var cancellation = new CancellationTokenSource();

        var call = api.GetCustomerInvoiceAsync("PO00000002", cancellation.Token);
        Assert.True(SpinWait.SpinUntil(() => sandbox.Counters.RequestsFor("getCustomerInvoice") == 2, TimeSpan.FromSeconds(10)), "the request never reached the server");
        var stopwatch = Stopwatch.StartNew();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"cancellation took {stopwatch.Elapsed}");
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
        Assert.True(SpinWait.SpinUntil(() => log.Of(SpApiLogKind.RateLimitWait).Any(e => e.Operation == "getCustomerInvoice"), TimeSpan.FromSeconds(10)));
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
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
