using SpApi.Core.Operations;
using SpApi.Tests.Support;

namespace SpApi.Sandbox.Tests;

/// <summary>The Hang fault: a request held, unprocessed, until the client hangs up, however long that takes.</summary>
public sealed class SandboxHangFaultTests
{
    [Fact]
    public async Task HangHoldsTheRequestUntilTheClientHangsUpAndProcessesNothing()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var http = RawSandboxHttp.Client();
        sandbox.State.Faults.Inject(FaultKind.Hang, 1, "getInvoicesExports");
        var held = sandbox.State.Faults.NextSlowStart("getInvoicesExports");
        var ended = sandbox.State.Faults.NextSlowEnd("getInvoicesExports");
        using var hangUp = new CancellationTokenSource();

        var request = http.GetAsync(new Uri(sandbox.Server.BaseAddress, SpApiOperations.GetInvoicesExports.PathTemplate + "?marketplaceId=A2Q3Y263D00KWC"), hangUp.Token);
        await held;
        Assert.False(request.IsCompleted);
        hangUp.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        Assert.True(await ended);
        Assert.Equal(1, sandbox.Counters.RequestsFor("getInvoicesExports"));
    }
}
