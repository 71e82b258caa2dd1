using System.Net;
using SpApi.Core.Apis.FinancesInvoices;
using SpApi.Core.Http;
using SpApi.Core.Workflows;
using SpApi.Sandbox;
using SpApi.Tests.Support;

using static SpApi.Tests.FinancesInvoices.FinancesSandbox;

namespace SpApi.Tests.FinancesInvoices;

/// <summary>Get-SpVendorInvoice's Core against the sandbox: header paging, the 90-day split, line paging, statuses that move.</summary>
public sealed class FinancesInvoicesApiTests
{
    private static readonly string[] None = Array.Empty<string>();

    [Fact]
    public async Task HeadersComeAHundredAPageAndEachCarriesItsMarketplace()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        var api = new FinancesInvoicesApi(sandbox.Client());

        var pages = await api.GetInvoiceHeaderPagesAsync(new InvoiceHeadersQuery { MarketplaceId = Us }, CancellationToken.None).ToListAsync();

        // No dates: Amazon's last 90 days, 180 of the 12-hourly invoices plus the precision and long ones.
        var expected = IssuedIn(End.AddDays(-90), End).ToList();
        Assert.Equal(182, expected.Count);
        Assert.Equal(new[] { 100, 82 }, pages.Select(p => p.Invoices.Count));
        Assert.Equal(new int?[] { 100, 82 }, pages.Select(p => p.NumOfRecords));
        Assert.Equal(expected, pages.SelectMany(p => p.Invoices).Select(h => h.InvoiceIdentifier!).OrderBy(i => i, StringComparer.Ordinal));
        Assert.All(pages.SelectMany(p => p.Invoices), h => Assert.Equal(Us, h.MarketplaceId));
        Assert.Equal(2, sandbox.Counters.RequestsFor("getInvoiceHeaders"));
    }

    [Fact]
    public async Task A120DayRangeIsReadInTwoWindowsWithEveryInvoiceOnce()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        var query = new VendorInvoiceHeaderRangeQuery { MarketplaceId = Us, IssuedAfter = End.AddDays(-120), IssuedBefore = End };

        var headers = await VendorInvoiceHeaderRange.ReadAsync(new FinancesInvoicesApi(sandbox.Client()), query, null, CancellationToken.None).ToListAsync();

        var ids = headers.Select(h => h.InvoiceIdentifier!).ToList();
        Assert.Equal(IssuedIn(End.AddDays(-120), End), ids.OrderBy(i => i, StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // The windows meet at End - 30 days, where the precision invoice and INV-00059 were issued.
        Assert.Contains(Data.Single(i => i.InvoiceNumber == SandboxFinancesInvoices.PrecisionInvoiceNumber).Identifier, ids);
        var windows = VendorInvoiceHeaderRange.Plan(query.IssuedAfter, query.IssuedBefore);
        Assert.Equal(2, windows.Count);
        Assert.All(windows, w => Assert.True(w.To - w.From <= InvoiceHeadersQuery.MaxIssueWindow));
        Assert.Equal(windows[0].To - CustomerInvoiceWindows.Overlap, windows[1].From);
        // 90 days hold 180 + 2 invoices (two pages), the last 30 days and a second 61 + 2 (one page).
        Assert.Equal(3, sandbox.Counters.RequestsFor("getInvoiceHeaders"));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(90, 1)]
    [InlineData(91, 2)]
    [InlineData(365, 5)]
    public void RangesAreSplitIntoWindowsOfAtMost90Days(int days, int windows)
    {
        var plan = VendorInvoiceHeaderRange.Plan(End.AddDays(-days), End);

        Assert.Equal(windows, plan.Count);
        Assert.Equal(End.AddDays(-days), plan[0].From);
        Assert.Equal(End, plan[plan.Count - 1].To);
        Assert.All(plan, w => Assert.InRange((w.To!.Value - w.From!.Value).TotalDays, 0, 90));
    }

    [Fact]
    public async Task TheStatusFilterIsAppliedLocallyInAnyCase()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        var api = new FinancesInvoicesApi(sandbox.Client());
        var query = new VendorInvoiceHeaderRangeQuery { MarketplaceId = Us, Statuses = new[] { "rejected", "Partially_Paid" } };

        var headers = await VendorInvoiceHeaderRange.ReadAsync(api, query, null, CancellationToken.None).ToListAsync();

        var expected = Data.Where(i => i.IssueDate >= End.AddDays(-90) && i.StepAt(End).Status is "REJECTED" or "PARTIALLY_PAID").Select(i => i.Identifier);
        Assert.NotEmpty(headers);
        Assert.Equal(expected.OrderBy(i => i, StringComparer.Ordinal), headers.Select(h => h.InvoiceIdentifier!).OrderBy(i => i, StringComparer.Ordinal));
        Assert.All(headers, h => Assert.Contains(h.Status, new[] { "REJECTED", "PARTIALLY_PAID" }));
        Assert.Equal(2, sandbox.Counters.RequestsFor("getInvoiceHeaders"));
    }

    [Fact]
    public async Task StatusesMoveWithTimeAndModifiedAfterFindsTheChangedOnes()
    {
        var (sandbox, clock) = await StartAsync();
        await using var _s = sandbox;
        var api = new FinancesInvoicesApi(sandbox.Client());
        var newest = Data.Single(i => i.InvoiceNumber == "INV-00000").Identifier;

        Assert.Equal("IN_PROGRESS", (await api.GetInvoiceHeaderAsync(Us, newest, CancellationToken.None)).InvoiceStatus);
        var changedBefore = await ModifiedSince(api, End);

        clock.Advance(TimeSpan.FromDays(20));
        var header = await api.GetInvoiceHeaderAsync(Us, newest, CancellationToken.None);
        var changedAfter = await ModifiedSince(api, End);

        Assert.Empty(changedBefore);
        Assert.Equal("PAID", header.InvoiceStatus);
        Assert.Equal(header.InvoiceAmount!.CurrencyAmount, header.Settled("AmountPaid"));
        Assert.Contains(newest, changedAfter);
        var expected = Data.Where(i => i.StepAt(End.AddDays(20)).At > End && i.IssueDate >= End.AddDays(-70)).Select(i => i.Identifier);
        Assert.Equal(expected.OrderBy(i => i, StringComparer.Ordinal), changedAfter.OrderBy(i => i, StringComparer.Ordinal));
    }

    [Fact]
    public async Task APartlyPaidInvoiceNamesItsVarianceOnTheShortLine()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        var partly = Data.First(i => i.StepAt(End).Status == "PARTIALLY_PAID");

        var invoice = await new FinancesInvoicesApi(sandbox.Client()).GetInvoiceAsync(Us, partly.Identifier, CancellationToken.None);

        var shortLine = invoice.InvoiceItems.Last();
        var matching = shortLine.LineItemContext!.MatchingContext!;
        Assert.Equal(-1, matching.QuantityVariance);
        Assert.Equal("PQV", Assert.Single(matching.VarianceReasons).VarianceType);
        var variance = partly.Lines[partly.Lines.Count - 1].UnitCost;
        Assert.Equal(partly.Total - variance, invoice.InvoiceHeader!.Settled("AmountPaid"));
        Assert.Equal(variance, invoice.InvoiceHeader.Settled("QuantityVarianceAmount"));
    }

    [Fact]
    public async Task LinesArePagedSixHundredAtATimeToTheLastOne()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        var api = new FinancesInvoicesApi(sandbox.Client());
        var id = Data.Single(i => i.InvoiceNumber == SandboxFinancesInvoices.LongInvoiceNumber).Identifier;

        var pages = await api.GetInvoicePagesAsync(Us, id, CancellationToken.None).ToListAsync();
        var invoice = await api.GetInvoiceAsync(Us, id, CancellationToken.None);

        Assert.Equal(new[] { 600, 600, 50 }, pages.Select(p => p.InvoiceItems.Count));
        Assert.Equal(Enumerable.Range(1, 1250).Select(n => $"LI-{n:D4}"), invoice.InvoiceItems.Select(l => l.LineItemId));
        Assert.Null(invoice.NextTokenForLineItems);
        Assert.Equal(id, invoice.InvoiceHeader!.InvoiceIdentifier);
        Assert.Equal(6, sandbox.Counters.RequestsFor("getInvoice"));
    }

    [Fact]
    public async Task MoneyIsReadExactlyIntoDecimal()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        var id = Data.Single(i => i.InvoiceNumber == SandboxFinancesInvoices.PrecisionInvoiceNumber).Identifier;

        var invoice = await new FinancesInvoicesApi(sandbox.Client()).GetInvoiceAsync(Us, id, CancellationToken.None);

        var amounts = invoice.InvoiceItems.Select(l => l.TotalAmount!.CurrencyAmount!.Value).ToList();
        Assert.Equal(new[] { 0.1m, 0.2m, 12345678901234.5678m }, amounts);
        Assert.Equal(0.3m, amounts[0] + amounts[1]);
        Assert.Equal(12345678901234.8678m, invoice.InvoiceHeader!.InvoiceAmount!.CurrencyAmount);
        Assert.Equal(12345678901234.8678m, amounts.Sum());
    }

    [Fact]
    public async Task AnUnknownInvoiceIsNotFound()
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;

        var error = await Assert.ThrowsAsync<SpApiException>(() => new FinancesInvoicesApi(sandbox.Client()).GetInvoiceHeaderAsync(Us, "NO-SUCH~SBXVC", CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(SpApiFailureKind.NotFound, error.Kind);
    }

    [Theory]
    [InlineData(91)]
    [InlineData(365)]
    public async Task OneRequestOfMoreThan90DaysIsRefusedBeforeItIsSent(int days)
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        var query = new InvoiceHeadersQuery { MarketplaceId = Us, FromIssueDate = End.AddDays(-days), ToIssueDate = End };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new FinancesInvoicesApi(sandbox.Client()).GetInvoiceHeaderPagesAsync(query, CancellationToken.None).ToListAsync());

        Assert.Equal("ToIssueDate", error.ParamName);
        Assert.Contains("at most 90 days", error.Message);
        Assert.Equal(0, sandbox.Counters.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OneEndOfTheIssueRangeWithoutTheOtherIsRefused(bool after)
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;
        var query = new VendorInvoiceHeaderRangeQuery { MarketplaceId = Us, IssuedAfter = after ? End.AddDays(-5) : null, IssuedBefore = after ? null : End };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => VendorInvoiceHeaderRange.ReadAsync(new FinancesInvoicesApi(sandbox.Client()), query, null, CancellationToken.None).ToListAsync());

        Assert.Equal(after ? "IssuedBefore" : "IssuedAfter", error.ParamName);
        Assert.Contains("go together", error.Message);
        Assert.Equal(0, sandbox.Counters.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" INV-1~SBXVC")]
    [InlineData("INV-1~SBXVC~X")]
    [InlineData("~SBXVC")]
    [InlineData("INV-1~")]
    [InlineData("INV\n1~SBXVC")]
    public async Task AMalformedIdentifierIsRefusedBeforeItIsSent(string identifier)
    {
        var (sandbox, _) = await StartAsync();
        await using var _s = sandbox;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new FinancesInvoicesApi(sandbox.Client()).GetInvoiceHeaderAsync(Us, identifier, CancellationToken.None));

        Assert.Equal("InvoiceId", error.ParamName);
        Assert.Equal(0, sandbox.Counters.Requests);
    }

    [Fact]
    public void TheIdentifierIsBuiltFromNumberAndPayeeCode()
    {
        Assert.Equal("INV-7~ABCDEF", InvoiceIdentifiers.Build("INV-7", "ABCDEF"));
        Assert.Equal("PayeeCode", Assert.Throws<ArgumentException>(() => InvoiceIdentifiers.Build("INV-7", "AB~CD")).ParamName);
        Assert.Equal("InvoiceNumber", Assert.Throws<ArgumentException>(() => InvoiceIdentifiers.Build(" ", "ABCDEF")).ParamName);
    }

    [Fact]
    public void AnUnknownStatusIsRefusedAndKnownOnesTakeTheModelsSpelling()
    {
        Assert.Equal(new[] { "PAID", "IN_PROGRESS" }, InvoiceStatuses.Normalize(new[] { "paid", "In_Progress", "PAID" }, "Status"));
        Assert.Equal("Status", Assert.Throws<ArgumentException>(() => InvoiceStatuses.Normalize(new[] { "SETTLED" }, "Status")).ParamName);
    }

    private static async Task<List<string>> ModifiedSince(FinancesInvoicesApi api, DateTimeOffset since) =>
        (await api.GetInvoiceHeaderPagesAsync(new InvoiceHeadersQuery { MarketplaceId = Us, InvoicesModifiedAfter = since }, CancellationToken.None).ToListAsync())
            .SelectMany(p => p.Invoices).Select(h => h.InvoiceIdentifier!).ToList();
}
