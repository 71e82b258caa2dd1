using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
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
    public async Task CancellingASyncMidRunStopsWithinASecondAndLeavesNoPartialFileOrMark()
    {
        await using var sandbox = await StartAsync(Data, o => o.DefaultLimit = 5);
        sandbox.State.Faults.SlowDelay = TimeSpan.FromMinutes(5);
        var api = new CustomerInvoicesApi(sandbox.Client());
        await api.GetCustomerInvoiceAsync("PO00000001", CancellationToken.None);
        var clock = new FakeTimeProvider();
        clock.Advance(End - clock.GetUtcNow());
        using var cancellation = new CancellationTokenSource();
        var pagesBefore = sandbox.Counters.RequestsFor("getCustomerInvoices");

        var run = CustomerInvoiceSync.RunAsync(
            api, new CustomerInvoiceSyncOptions { Folder = folder, Since = End.AddDays(-30) }, clock, _ => { }, null, cancellation.Token);
        // Let a few pages through, then hang the next one at the server and cancel while it waits.
        Assert.True(SpinWait.SpinUntil(() => sandbox.Counters.RequestsFor("getCustomerInvoices") >= pagesBefore + 3, TimeSpan.FromSeconds(10)));
        sandbox.State.Faults.Inject(FaultKind.Slow, 1, "getCustomerInvoices");
        var hung = sandbox.Counters.RequestsFor("getCustomerInvoices") + 1;
        Assert.True(SpinWait.SpinUntil(() => sandbox.Counters.RequestsFor("getCustomerInvoices") >= hung, TimeSpan.FromSeconds(10)));
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"cancellation took {stopwatch.Elapsed}");
        Assert.NotEmpty(Directory.GetFiles(folder, "*.pdf"));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        Assert.All(Directory.GetFiles(folder, "*.pdf"), f => Assert.StartsWith("%PDF-", File.ReadAllText(f)));
        Assert.False(File.Exists(Path.Combine(folder, CustomerInvoiceSync.StateFileName)));
        Assert.False(File.Exists(Path.Combine(folder, SyncLock.FileName)));
    }

    [Fact]
    public async Task TokensThatLiveASecondCauseNoFailureOverALongRun()
    {
        await using var sandbox = await SandboxHarness.StartAsync(
            o =>
            {
                o.CustomerInvoices.Clear();
                o.CustomerInvoices.AddRange(Data);
                o.AccessTokenLifetime = TimeSpan.FromSeconds(1);
                o.RestrictedDataTokenLifetime = TimeSpan.FromSeconds(1);
            },
            rateScale: 2);
        var api = new CustomerInvoicesApi(sandbox.Client());
        var query = new CustomerInvoiceRangeQuery { CreatedAfter = End.AddDays(-30), CreatedBefore = End, PageSize = 1 };

        var numbers = new List<string>();
        await foreach (var invoice in CustomerInvoiceRange.ReadAsync(api, query, null, CancellationToken.None))
        {
            numbers.Add(invoice.PurchaseOrderNumber);
        }

        Assert.Equal(Expected(End.AddDays(-30), End), numbers.OrderBy(n => n));
        Assert.True(sandbox.Counters.RestrictedDataTokensIssued > 3, $"only {sandbox.Counters.RestrictedDataTokensIssued} RDTs: the run should have outlived several");
    }
}
