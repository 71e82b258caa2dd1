using SpApi.Core.Apis;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Workflows;
using SpApi.Sandbox;
using SpApi.Tests.Support;

namespace SpApi.Tests.CustomerInvoices;

/// <summary>Get-SpCustomerInvoice's range reader against the sandbox: any range, exactly once, in order.</summary>
public sealed class CustomerInvoiceRangeTests
{
    internal static readonly DateTimeOffset End = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    // 150 invoices, one every 6 hours from End back to 37.5 days before it.
    internal static readonly List<SandboxInvoice> Data = SandboxInvoice.Generate(End, 150, TimeSpan.FromHours(6));

    [Theory]
    [InlineData(DirectFulfillmentVersion.LegacyName)]
    [InlineData(DirectFulfillmentVersion.CurrentName)]
    public async Task AThirtyDayRangeReturnsExactlyTheExpectedSet(string versionName)
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client(), DirectFulfillmentVersion.Parse(versionName));

        var numbers = await ReadAsync(api, Query(End.AddDays(-30), End));

        Assert.Equal(Expected(End.AddDays(-30), End), numbers.OrderBy(n => n));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(5, sandbox.Counters.RequestsFor("getCustomerInvoices")); // five windows of up to 100
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(100)]
    public async Task EveryPageSizeReturnsTheSameSet(int pageSize)
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client());
        var query = Query(End.AddDays(-30), End);
        query.PageSize = pageSize;

        var numbers = await ReadAsync(api, query);

        Assert.Equal(Expected(End.AddDays(-30), End), numbers.OrderBy(n => n));
        var windows = CustomerInvoiceWindows.Plan(query.CreatedAfter, query.CreatedBefore, newestFirst: false);
        var pages = windows.Sum(w => Math.Max(1, (int)Math.Ceiling(Data.Count(i => i.CreatedAt >= w.CreatedAfter && i.CreatedAt < w.CreatedBefore) / (double)pageSize)));
        Assert.Equal(pages, sandbox.Counters.RequestsFor("getCustomerInvoices"));
    }

    [Theory]
    [InlineData(CustomerInvoiceSortOrder.ASC)]
    [InlineData(CustomerInvoiceSortOrder.DESC)]
    public async Task TheSortOrderHoldsAcrossWindows(CustomerInvoiceSortOrder order)
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client());
        var query = Query(End.AddDays(-30), End);
        query.SortOrder = order;
        query.PageSize = 7;

        var times = (await ReadAsync(api, query)).Select(n => Data.Single(i => i.PurchaseOrderNumber == n).CreatedAt).ToList();

        var sorted = order == CustomerInvoiceSortOrder.ASC ? times.OrderBy(t => t) : times.OrderByDescending(t => t);
        Assert.Equal(sorted, times);
        Assert.Equal(120, times.Count);
    }

    [Theory]
    [InlineData(BoundaryMode.HalfOpen)]
    [InlineData(BoundaryMode.Inclusive)]
    [InlineData(BoundaryMode.Exclusive)]
    public async Task InvoicesOnWindowBoundariesComeOutExactlyOnce(BoundaryMode mode)
    {
        var after = End.AddDays(-20);
        var windows = CustomerInvoiceWindows.Plan(after, End, newestFirst: false);
        // On each inner boundary, one second either side, and at the start of the overlap.
        var data = windows.Skip(1)
            .SelectMany((w, i) => new[]
            {
                new SandboxInvoice($"B{i}A", w.CreatedAfter, "WH1"),
                new SandboxInvoice($"B{i}B", w.CreatedAfter + CustomerInvoiceWindows.Overlap, "WH1"),
                new SandboxInvoice($"B{i}C", w.CreatedAfter - CustomerInvoiceWindows.Overlap, "WH1"),
                new SandboxInvoice($"B{i}D", w.CreatedAfter + TimeSpan.FromMilliseconds(500), "WH1"),
            })
            .ToList();
        await using var sandbox = await StartAsync(data, o => o.CustomerInvoiceBoundaries = mode);
        var api = new CustomerInvoicesApi(sandbox.Client());

        var numbers = await ReadAsync(api, Query(after, End));

        Assert.Equal(data.Select(i => i.PurchaseOrderNumber).OrderBy(n => n), numbers.OrderBy(n => n));
    }

    [Fact]
    public async Task OneRestrictedDataTokenServesTheWholeRun()
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client());
        var query = Query(End.AddDays(-30), End);
        query.PageSize = 10;

        await ReadAsync(api, query);

        Assert.Equal(1, sandbox.Counters.RestrictedDataTokensIssued);
        Assert.True(sandbox.Counters.RequestsFor("getCustomerInvoices") > 10);
    }

    [Fact]
    public async Task TheFirstInvoiceArrivesBeforeTheLastPageIsFetched()
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client());
        var query = Query(End.AddDays(-30), End);
        query.PageSize = 5;

        await foreach (var invoice in CustomerInvoiceRange.ReadAsync(api, query, null, CancellationToken.None, time: FixedClock.At(End)))
        {
            Assert.Equal(1, sandbox.Counters.RequestsFor("getCustomerInvoices"));
            break;
        }
    }

    [Fact]
    public async Task FirstAndSkipStopPagingEarly()
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client());
        var all = await ReadAsync(api, Query(End.AddDays(-30), End));
        var before = sandbox.Counters.RequestsFor("getCustomerInvoices");
        var query = Query(End.AddDays(-30), End);
        query.PageSize = 5;
        query.Skip = 3;
        query.First = 4;

        var some = await ReadAsync(api, query);

        Assert.Equal(all.Skip(3).Take(4), some);
        Assert.Equal(2, sandbox.Counters.RequestsFor("getCustomerInvoices") - before);
        query.First = 0;
        Assert.Empty(await ReadAsync(api, query));
    }

    [Fact]
    public async Task ProgressReportsEveryWindow()
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client());
        var recorder = new ProgressRecorder<CustomerInvoiceRangeProgress>();

        await foreach (var _ in CustomerInvoiceRange.ReadAsync(api, Query(End.AddDays(-30), End), recorder, CancellationToken.None, time: FixedClock.At(End)))
        {
        }

        var reports = recorder.Reports;
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, reports.Select(r => r.WindowsDone));
        Assert.All(reports, r => Assert.Equal(5, r.WindowsTotal));
        Assert.Equal(120, reports[^1].Invoices);
    }

    [Theory]
    [InlineData(0, 0, null, "CreatedBefore")]
    [InlineData(1, 0, null, "CreatedBefore")]
    [InlineData(0, 30, 0, "PageSize")]
    [InlineData(0, 30, 101, "PageSize")]
    public async Task BadQueriesAreRefusedBeforeAnyCall(int afterDays, int beforeDays, int? pageSize, string parameter)
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client());
        var query = Query(End.AddDays(afterDays - 30), End.AddDays(beforeDays - 30));
        query.PageSize = pageSize;

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => ReadAsync(api, query));

        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(0, sandbox.Counters.Requests);
    }

    [Fact]
    public void WindowsCoverTheRangeInSevenDayStepsThatOverlapByASecond()
    {
        var windows = CustomerInvoiceWindows.Plan(End.AddDays(-30), End, newestFirst: false);

        Assert.Equal(End.AddDays(-30), windows[0].CreatedAfter);
        Assert.Equal(End, windows[^1].CreatedBefore);
        Assert.All(windows, w => Assert.InRange(w.CreatedBefore - w.CreatedAfter, TimeSpan.FromTicks(1), TimeSpan.FromDays(7)));
        Assert.All(windows.Zip(windows.Skip(1)), p => Assert.Equal(p.First.CreatedBefore - TimeSpan.FromSeconds(1), p.Second.CreatedAfter));
        Assert.Equal(windows.Reverse(), CustomerInvoiceWindows.Plan(End.AddDays(-30), End, newestFirst: true));
        Assert.Single(CustomerInvoiceWindows.Plan(End.AddDays(-7), End, newestFirst: false));
    }

    [Fact]
    public void TheLookBackIsSixMonths()
    {
        Assert.True(CustomerInvoiceRange.ReachesPastLookBack(End.AddDays(-200), End));
        Assert.False(CustomerInvoiceRange.ReachesPastLookBack(End.AddDays(-30), End));
    }

    internal static Task<SandboxHarness> StartAsync(List<SandboxInvoice> data, Action<SandboxOptions>? configure = null) =>
        SandboxHarness.StartAsync(o =>
        {
            o.CustomerInvoices.Clear();
            o.CustomerInvoices.AddRange(data);
            o.DefaultLimit = 100;
            configure?.Invoke(o);
        });

    [Fact]
    public async Task AWarehouseFilterReturnsThatWarehousesInvoicesOnly()
    {
        await using var sandbox = await StartAsync(Data);
        var query = Query(End.AddDays(-30), End);
        query.ShipFromPartyId = "WH2";

        var numbers = await ReadAsync(new CustomerInvoicesApi(sandbox.Client()), query);

        var expected = Data.Where(i => i.ShipFromPartyId == "WH2" && i.CreatedAt >= End.AddDays(-30) && i.CreatedAt < End).Select(i => i.PurchaseOrderNumber).OrderBy(n => n);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, numbers.OrderBy(n => n));
    }

    internal static IEnumerable<string> Expected(DateTimeOffset after, DateTimeOffset before) =>
        Data.Where(i => i.CreatedAt >= after && i.CreatedAt < before).Select(i => i.PurchaseOrderNumber).OrderBy(n => n);

    private static CustomerInvoiceRangeQuery Query(DateTimeOffset after, DateTimeOffset before) => new() { CreatedAfter = after, CreatedBefore = before };

    private static async Task<List<string>> ReadAsync(CustomerInvoicesApi api, CustomerInvoiceRangeQuery query)
    {
        var numbers = new List<string>();
        await foreach (var invoice in CustomerInvoiceRange.ReadAsync(api, query, null, CancellationToken.None, time: FixedClock.At(End)))
        {
            numbers.Add(invoice.PurchaseOrderNumber);
        }

        return numbers;
    }
}
