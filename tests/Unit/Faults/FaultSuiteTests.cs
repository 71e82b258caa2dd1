using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Diagnostics;
using SpApi.Core.Workflows;
using SpApi.Sandbox;
using SpApi.Tests.Support;
using static SpApi.Tests.CustomerInvoices.CustomerInvoiceRangeTests;

namespace SpApi.Tests.Faults;

/// <summary>Nothing is lost or repeated when the wire misbehaves.</summary>
public sealed class FaultSuiteTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-faults-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task AThirtyDaySyncUnderRandomFaultsSavesExactlyTheExpectedSet(int seed)
    {
        await using var sandbox = await StartAsync(Data, o => o.DefaultLimit = 5);
        sandbox.State.Faults.SlowDelay = TimeSpan.FromMilliseconds(50);
        var api = new CustomerInvoicesApi(sandbox.Client(maxRetries: 6));
        await api.GetCustomerInvoiceAsync("PO00000001", CancellationToken.None); // tokens first, so faults hit the run
        sandbox.State.Faults.InjectRandomly(0.05, seed);

        var clock = new FakeTimeProvider();
        clock.Advance(End - clock.GetUtcNow());
        var result = await CustomerInvoiceSync.RunAsync(
            api, new CustomerInvoiceSyncOptions { Folder = folder, Since = End.AddDays(-30) }, clock, _ => { }, null, CancellationToken.None);

        Assert.Equal(Expected(End.AddDays(-30), End).Select(n => n + ".pdf"), Directory.GetFiles(folder, "*.pdf").Select(Path.GetFileName).OrderBy(n => n));
        Assert.Equal((120, 0), (result.New, result.Failed));
        Assert.True(sandbox.Counters.FaultsInjected > 0, "the run should have met some faults");
    }

    [Fact]
    public async Task CancellingASyncMidRunAbandonsTheRequestInFlightAndLeavesNoPartialFileOrMark()
    {
        await using var sandbox = await StartAsync(Data, o => o.DefaultLimit = 5);
        // Longer than the hang limit: a run that waited for the answer fails the test instead of passing late.
        sandbox.State.Faults.SlowDelay = TimeSpan.FromMinutes(5);
        var api = new CustomerInvoicesApi(sandbox.Client());
        await api.GetCustomerInvoiceAsync("PO00000001", CancellationToken.None);
        var clock = new FakeTimeProvider();
        clock.Advance(End - clock.GetUtcNow());
        using var cancellation = new CancellationTokenSource();
        var threePages = sandbox.Counters.RequestsReach("getCustomerInvoices", sandbox.Counters.RequestsFor("getCustomerInvoices") + 3);
        var held = sandbox.State.Faults.NextSlowStart("getCustomerInvoices");
        var letGo = sandbox.State.Faults.NextSlowEnd("getCustomerInvoices");

        var run = CustomerInvoiceSync.RunAsync(
            api, new CustomerInvoiceSyncOptions { Folder = folder, Since = End.AddDays(-30) }, clock, _ => { }, null, cancellation.Token);
        // Let a few pages through, then hang the next one at the server and cancel while it waits.
        await threePages;
        sandbox.State.Faults.Inject(FaultKind.Slow, 1, "getCustomerInvoices");
        await held;
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Within());
        Assert.True(await letGo, "the server answered: the page in flight was not abandoned");
        Assert.NotEmpty(Directory.GetFiles(folder, "*.pdf"));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        Assert.All(Directory.GetFiles(folder, "*.pdf"), f => Assert.StartsWith("%PDF-", File.ReadAllText(f)));
        Assert.False(File.Exists(Path.Combine(folder, CustomerInvoiceSync.StateFileName)));
        Assert.False(File.Exists(Path.Combine(folder, SyncLock.FileName)));
    }

    [Fact]
    public async Task TokensThatLiveASecondCauseNoFailureOverALongRun()
    {
        // Server and client share a fake clock that moves a tenth of a token's life per invoice read, so the run
        // outlives many tokens while taking no real time: the client must renew each by its clock, in time.
        var clock = new FakeTimeProvider();
        var lifetime = TimeSpan.FromSeconds(1);
        await using var sandbox = await SandboxHarness.StartAsync(o =>
        {
            o.CustomerInvoices.Clear();
            o.CustomerInvoices.AddRange(Data);
            o.TimeProvider = clock;
            o.AccessTokenLifetime = lifetime;
            o.RestrictedDataTokenLifetime = lifetime;
        });
        var log = new CapturingLog();
        var api = new CustomerInvoicesApi(sandbox.Client(log, clock, retryDelay: TimeSpan.Zero));
        var query = new CustomerInvoiceRangeQuery { CreatedAfter = End.AddDays(-30), CreatedBefore = End, PageSize = 1 };
        var started = clock.GetUtcNow();

        var numbers = new List<string>();
        await foreach (var invoice in CustomerInvoiceRange.ReadAsync(api, query, null, CancellationToken.None))
        {
            numbers.Add(invoice.PurchaseOrderNumber);
            clock.Advance(lifetime / 10);
        }

        Assert.Equal(Expected(End.AddDays(-30), End), numbers.OrderBy(n => n));
        var lifetimesOutlived = (int)((clock.GetUtcNow() - started).Ticks / lifetime.Ticks);
        Assert.True(lifetimesOutlived >= 10, $"the run outlived only {lifetimesOutlived} token lifetimes");
        Assert.True(sandbox.Counters.RestrictedDataTokensIssued >= lifetimesOutlived, $"{sandbox.Counters.RestrictedDataTokensIssued} RDTs over {lifetimesOutlived} lifetimes");
        Assert.True(sandbox.Counters.AccessTokensIssued >= lifetimesOutlived, $"{sandbox.Counters.AccessTokensIssued} access tokens over {lifetimesOutlived} lifetimes");
        // Renewed before the server saw them expire, not after it refused them.
        Assert.DoesNotContain(log.Of(SpApiLogKind.Response), e => e.Message.StartsWith("403", StringComparison.Ordinal));
    }
}
