using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Http;
using SpApi.Core.Operations;
using SpApi.Core.Workflows;
using SpApi.Sandbox;
using SpApi.Tests.Support;
using static SpApi.Tests.CustomerInvoices.CustomerInvoiceRangeTests;

namespace SpApi.Tests.Faults;

/// <summary>
/// Issue 14 item 5: customer invoices from the server are checked before they are trusted: the answer is
/// for the purchase order asked for, a list holds invoices only, every purchase order number matches the
/// model's pattern, and the same purchase order with other content on two pages is reported, not dropped quietly.
/// </summary>
public sealed class CustomerInvoiceTrustTests
{
    [Theory]
    [InlineData("2021-12-28")]
    [InlineData("v1")]
    public async Task AnAnswerForAnotherPurchaseOrderIsAnInvalidResponseNamingBoth(string version)
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client(), SpApi.Core.Apis.DirectFulfillmentVersion.Parse(version));
        sandbox.State.Faults.Inject(FaultKind.OtherPurchaseOrder, 1, "getCustomerInvoice");

        var error = await Assert.ThrowsAsync<SpApiException>(() => api.GetCustomerInvoiceAsync("PO00000001", CancellationToken.None));

        Assert.Equal(SpApiFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("PO00000001", error.Message);
        Assert.Contains(SandboxFaults.OtherPurchaseOrderNumber, error.Message);
    }

    [Fact]
    public async Task ANullInTheListIsAnInvalidResponseNotANullReference()
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client());
        sandbox.State.Faults.Inject(FaultKind.NullInList, 1, "getCustomerInvoices");

        var error = await Assert.ThrowsAsync<SpApiException>(() =>
            CustomerInvoiceRange.ReadAsync(api, new CustomerInvoiceRangeQuery { CreatedAfter = End.AddDays(-7), CreatedBefore = End }, null, CancellationToken.None, time: FixedClock.At(End)).ToListAsync());

        Assert.Equal(SpApiFailureKind.InvalidResponse, error.Kind);
        Assert.Matches(@"customerInvoices\[\d+\] is null", error.Message);
    }

    [Fact]
    public async Task TheSamePurchaseOrderWithOtherContentOnTwoPagesIsReportedAndTheFirstKept()
    {
        await using var sandbox = await StartAsync(Data, o => o.DefaultLimit = 5);
        var api = new CustomerInvoicesApi(sandbox.Client());
        var warnings = new List<string>();
        sandbox.State.Faults.Inject(FaultKind.ConflictingRepeat, 1, "getCustomerInvoices");
        var query = new CustomerInvoiceRangeQuery { CreatedAfter = End.AddDays(-7), CreatedBefore = End, PageSize = 5, SortOrder = CustomerInvoiceSortOrder.ASC };

        var invoices = await CustomerInvoiceRange.ReadAsync(api, query, null, CancellationToken.None, warnings.Add, FixedClock.At(End)).ToListAsync();

        // The first page carries a copy of the second page's first invoice, with other content.
        var repeated = Data.Where(i => i.CreatedAt >= End.AddDays(-7) && i.CreatedAt < End).OrderBy(i => i.CreatedAt).ElementAt(5).PurchaseOrderNumber;
        var warning = Assert.Single(warnings);
        Assert.Contains(repeated, warning);
        Assert.Contains("different content", warning);
        Assert.Equal(Expected(End.AddDays(-7), End), invoices.Select(i => i.PurchaseOrderNumber).OrderBy(n => n, StringComparer.Ordinal));
        Assert.StartsWith("%PDF-1.4\n% a different copy", System.Text.Encoding.ASCII.GetString(invoices.Single(i => i.PurchaseOrderNumber == repeated).GetContentBytes()));
    }

    [Fact]
    public async Task AnIdenticalRepeatStaysQuiet()
    {
        // Windows overlap at their ends; the same invoice twice is no contradiction.
        var twice = new List<SandboxInvoice>(Data) { Data[3] };
        await using var sandbox = await StartAsync(twice, o => o.DefaultLimit = 5);
        var warnings = new List<string>();

        var invoices = await CustomerInvoiceRange.ReadAsync(
            new CustomerInvoicesApi(sandbox.Client()), new CustomerInvoiceRangeQuery { CreatedAfter = End.AddDays(-7), CreatedBefore = End }, null, CancellationToken.None, warnings.Add, FixedClock.At(End)).ToListAsync();

        Assert.Empty(warnings);
        Assert.Equal(invoices.Count, invoices.Select(i => i.PurchaseOrderNumber).Distinct().Count());
    }

    [Theory]
    [InlineData("ABC\n")]
    [InlineData("../PO1")]
    [InlineData("")]
    [InlineData(null)]
    public void AServerPurchaseOrderNumberOutsideThePatternIsAnInvalidResponse(string? number)
    {
        var page = new CustomerInvoiceList { CustomerInvoices = { new CustomerInvoice { PurchaseOrderNumber = "PO1", Content = "JVBERi0=" }, new CustomerInvoice { PurchaseOrderNumber = number!, Content = "JVBERi0=" } } };

        var error = Assert.Throws<SpApiException>(() => CustomerInvoiceChecks.Page(page, SpApiOperations.GetCustomerInvoices));

        Assert.Equal(SpApiFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("customerInvoices[1]", error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }
}
