using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Http;
using SpApi.Core.Workflows;
using SpApi.Sandbox;
using SpApi.Tests.Support;
using static SpApi.Tests.CustomerInvoices.CustomerInvoiceRangeTests;

namespace SpApi.Tests.CustomerInvoices;

/// <summary>Sync-SpCustomerInvoice: the high-water mark, the lock, and recovery after failures.</summary>
public sealed class CustomerInvoiceSyncTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-sync-").FullName;
    private readonly List<string> warnings = new();
    private readonly FakeTimeProvider clock = new();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task TheHighWaterMarkCarriesEachRunOnFromTheLast()
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client());
        var t1 = End.AddDays(-10);
        var t2 = End.AddDays(-8);
        var t3 = End.AddDays(-1);

        var first = await RunAsync(api, at: t1, since: t1.AddDays(-3));
        var second = await RunAsync(api, at: t2);
        var third = await RunAsync(api, at: t3);

        Assert.Equal((t1.AddDays(-3), t1, 12, 0), (first.WindowStart, first.WindowEnd, first.New, first.Skipped));
        // The next run starts an hour (the overlap) before the mark; nothing sits in that hour here.
        Assert.Equal((t1.AddHours(-1), t2, 8, 0), (second.WindowStart, second.WindowEnd, second.New, second.Skipped));
        Assert.Equal((t2.AddHours(-1), t3, 28, 0), (third.WindowStart, third.WindowEnd, third.New, third.Skipped));
        Assert.Equal(Expected(t1.AddDays(-3), t3).Select(n => n + ".pdf"), Pdfs());
        Assert.Contains(t3.ToString("yyyy-MM-ddTHH:mm:ss"), File.ReadAllText(Path.Combine(folder, CustomerInvoiceSync.StateFileName)));
        Assert.False(File.Exists(Path.Combine(folder, SyncLock.FileName)));
    }

    [Fact]
    public async Task AnInvoiceInTheOverlapIsSkippedNotRewritten()
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client());
        var t1 = End.AddDays(-10).AddMinutes(30); // an invoice sits 30 minutes before the mark

        await RunAsync(api, at: t1, since: t1.AddDays(-1));
        var second = await RunAsync(api, at: t1.AddDays(1));

        Assert.Equal(1, second.Skipped);
        Assert.Equal(4, second.New);
    }

    [Fact]
    public async Task ASecondRunWhileOneIsGoingStopsWithAClearMessage()
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client());
        using var running = SyncLock.Acquire(folder, End);

        var error = await Assert.ThrowsAsync<SyncLockedException>(() => RunAsync(api, at: End, since: End.AddDays(-1)));

        Assert.Contains("Another Sync-SpCustomerInvoice run", error.Message);
        Assert.Equal(0, sandbox.Counters.Requests);
        Assert.Empty(Pdfs());
    }

    [Fact]
    public async Task AStaleLockFromACrashedRunIsDetectedAndTakenOver()
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client());
        File.WriteAllText(Path.Combine(folder, SyncLock.FileName), "process 4242 on host, started 2026-10-01 00:00:00Z");

        var result = await RunAsync(api, at: End, since: End.AddDays(-1));

        Assert.Equal(4, result.New);
        Assert.Contains(warnings, w => w.Contains("did not finish") && w.Contains("process 4242"));
        Assert.False(File.Exists(Path.Combine(folder, SyncLock.FileName)));
    }

    [Fact]
    public async Task AFailedRunLeavesTheMarkAndTheNextRunRecovers()
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client(maxRetries: 1));
        var t1 = End.AddDays(-10);
        await RunAsync(api, at: t1, since: t1.AddDays(-1));
        var state = File.ReadAllText(Path.Combine(folder, CustomerInvoiceSync.StateFileName));

        sandbox.State.Faults.Inject(FaultKind.ServiceUnavailable, 2, "getCustomerInvoices");
        await Assert.ThrowsAsync<SpApiException>(() => RunAsync(api, at: t1.AddDays(2)));
        Assert.Equal(state, File.ReadAllText(Path.Combine(folder, CustomerInvoiceSync.StateFileName)));
        Assert.False(File.Exists(Path.Combine(folder, SyncLock.FileName)));

        var recovered = await RunAsync(api, at: t1.AddDays(2));
        Assert.Equal(8, recovered.New);
        Assert.Equal(Expected(t1.AddDays(-1), t1.AddDays(2)).Select(n => n + ".pdf"), Pdfs());
    }

    [Fact]
    public async Task AnInvoiceThatCannotBeSavedFailsTheRunAndKeepsTheMark()
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client());
        var t1 = End.AddDays(-10);
        var victim = Expected(t1.AddDays(-1), t1).First();
        File.WriteAllBytes(Path.Combine(folder, victim + ".pdf"), SandboxInvoice.Pdf("something else"));

        var error = await Assert.ThrowsAsync<CustomerInvoiceSyncException>(() => RunAsync(api, at: t1, since: t1.AddDays(-1)));

        Assert.Equal((3, 1), (error.Summary.New, error.Summary.Failed));
        Assert.Contains(victim, string.Join("\n", warnings));
        Assert.False(File.Exists(Path.Combine(folder, CustomerInvoiceSync.StateFileName)));
    }

    [Fact]
    public async Task ARangeReachingPastTheLookBackIsWarnedAbout()
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client());

        await RunAsync(api, at: End, since: End.AddDays(-200));

        Assert.Contains(warnings, w => w.Contains("six months"));
    }

    [Fact]
    public async Task TheFirstRunWithoutSinceCoversTheLastSevenDays()
    {
        await using var sandbox = await StartAsync(Data);

        var first = await RunAsync(new CustomerInvoicesApi(sandbox.Client()), at: End);

        Assert.Equal((End.AddDays(-7), End), (first.WindowStart, first.WindowEnd));
        Assert.Equal(Expected(End.AddDays(-7), End).Count(), first.New);
        Assert.Equal(Expected(End.AddDays(-7), End).Select(n => n + ".pdf"), Pdfs());
    }

    private Task<CustomerInvoiceSyncResult> RunAsync(CustomerInvoicesApi api, DateTimeOffset at, DateTimeOffset? since = null)
    {
        clock.Advance(at - clock.GetUtcNow());
        return CustomerInvoiceSync.RunAsync(api, new CustomerInvoiceSyncOptions { Folder = folder, Since = since }, clock, warnings.Add, null, CancellationToken.None);
    }

    private IEnumerable<string> Pdfs() =>
        Directory.GetFiles(folder, "*.pdf").Select(Path.GetFileName).OrderBy(n => n)!;
}
