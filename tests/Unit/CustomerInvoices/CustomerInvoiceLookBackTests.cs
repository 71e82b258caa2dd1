using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Workflows;
using SpApi.Tests.Support;

using static SpApi.Tests.CustomerInvoices.CustomerInvoiceRangeTests;

namespace SpApi.Tests.CustomerInvoices;

/// <summary>
/// Issue 14, item 8: an absurd range start. Amazon keeps customer invoices for a rolling six months, so a start
/// before that horizon is moved up to it with a warning, and [datetime]::MinValue plans a few dozen windows,
/// not about 105,000 seven-day windows from year 1.
/// </summary>
public sealed class CustomerInvoiceLookBackTests
{
    private static readonly DateTimeOffset Horizon = End - CustomerInvoiceRange.LookBack;
    private readonly List<string> warnings = new();

    [Fact]
    public void AStartAtMinValueIsMovedUpToTheHorizonAndPlansABoundedNumberOfWindows()
    {
        var windows = CustomerInvoiceWindows.PlanWithinLookBack(DateTimeOffset.MinValue, End, newestFirst: false, FixedClock.At(End), warnings.Add);

        Assert.Equal(Horizon, windows[0].CreatedAfter);
        Assert.Equal(End, windows[^1].CreatedBefore);
        Assert.Equal((int)Math.Ceiling(CustomerInvoiceRange.LookBack.TotalDays / 7), windows.Count);
        var warning = Assert.Single(warnings);
        Assert.Contains("CreatedAfter", warning, StringComparison.Ordinal);
        Assert.Contains($"{Horizon:u}", warning, StringComparison.Ordinal);
        Assert.Contains("six months", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHorizonMovesWithTheClock()
    {
        var clock = FixedClock.At(End);
        var first = CustomerInvoiceWindows.PlanWithinLookBack(DateTimeOffset.MinValue, End.AddDays(30), newestFirst: true, clock, null);
        clock.Advance(TimeSpan.FromDays(30));
        var later = CustomerInvoiceWindows.PlanWithinLookBack(DateTimeOffset.MinValue, End.AddDays(30), newestFirst: true, clock, null);

        Assert.Equal(Horizon, first[^1].CreatedAfter);
        Assert.Equal(Horizon.AddDays(30), later[^1].CreatedAfter);
    }

    [Fact]
    public void ARangeWithinTheLookBackIsPlannedAsGivenWithoutAWarning()
    {
        var windows = CustomerInvoiceWindows.PlanWithinLookBack(End.AddDays(-30), End, newestFirst: false, FixedClock.At(End), warnings.Add);

        Assert.Equal(CustomerInvoiceWindows.Plan(End.AddDays(-30), End, newestFirst: false), windows);
        Assert.Empty(warnings);
    }

    [Fact]
    public void ARangeThatEndsBeforeTheHorizonHasNoWindowsAndSaysWhy()
    {
        var windows = CustomerInvoiceWindows.PlanWithinLookBack(DateTimeOffset.MinValue, Horizon.AddDays(-1), newestFirst: false, FixedClock.At(End), warnings.Add);

        Assert.Empty(windows);
        Assert.Contains("none can be in it", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void AReversedRangeIsStillRefusedNamingCreatedBefore()
    {
        var error = Assert.Throws<ArgumentException>(() => CustomerInvoiceWindows.PlanWithinLookBack(End, DateTimeOffset.MinValue, newestFirst: false, FixedClock.At(End), warnings.Add));

        Assert.Equal("CreatedBefore", error.ParamName);
    }

    [Fact]
    public async Task ReadingFromMinValueAsksForTheLookBacksWindowsOnlyAndReturnsEverything()
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client(time: FixedClock.At(End)));
        var query = new CustomerInvoiceRangeQuery { CreatedAfter = DateTimeOffset.MinValue, CreatedBefore = End };

        var invoices = await CustomerInvoiceRange.ReadAsync(api, query, null, CancellationToken.None, warnings.Add).ToListAsync();

        Assert.Equal(Expected(DateTimeOffset.MinValue, End), invoices.Select(i => i.PurchaseOrderNumber).OrderBy(n => n));
        Assert.Equal((int)Math.Ceiling(CustomerInvoiceRange.LookBack.TotalDays / 7), sandbox.Counters.RequestsFor("getCustomerInvoices"));
        Assert.Contains(warnings, w => w.Contains("CreatedAfter", StringComparison.Ordinal));
    }
}
