using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Http;
using SpApi.Core.Paging;
using SpApi.Sandbox;
using SpApi.Tests.Support;
using static SpApi.Tests.CustomerInvoices.CustomerInvoiceRangeTests;

namespace SpApi.Tests.Faults;

/// <summary>Issue 14 item 4: paging ends, even against a server that hands out new nextTokens for ever.</summary>
public sealed class PagingBoundTests
{
    [Fact]
    public async Task EndlessEmptyPagesWithNewTokensStopAfterTenWithATypedError()
    {
        await using var sandbox = await StartAsync(Data);
        var api = new CustomerInvoicesApi(sandbox.Client());
        sandbox.State.Faults.Inject(FaultKind.EndlessEmptyPages, int.MaxValue, "getCustomerInvoices");
        var pages = 0;

        var error = await Assert.ThrowsAsync<SpApiException>(async () =>
        {
            await foreach (var page in api.GetCustomerInvoicePagesAsync(new CustomerInvoicesQuery { CreatedAfter = End.AddDays(-7), CreatedBefore = End }, CancellationToken.None))
            {
                Assert.Empty(page.CustomerInvoices);
                pages++;
            }
        });

        Assert.Equal(SpApiFailureKind.EndlessPaging, error.Kind);
        Assert.Contains("10 empty pages in a row", error.Message);
        Assert.Equal(PagingGuard.MaxEmptyPagesInARow, pages);
        Assert.Equal(PagingGuard.MaxEmptyPagesInARow, sandbox.Counters.RequestsFor("getCustomerInvoices"));
    }

    [Fact]
    public void AnEmptyPageBetweenFullOnesDoesNotCountTowardsTheBound()
    {
        var guard = new PagingGuard("getCustomerInvoices");
        for (var i = 0; i < 100; i++)
        {
            // Nine empty pages, then one with an invoice, over and over: never ten empty in a row.
            guard.Follow(new CustomerInvoiceList { CustomerInvoices = i % 10 == 9 ? new() { new CustomerInvoice() } : new() }, $"token-{i}");
        }

        var error = Assert.Throws<SpApiException>(() =>
        {
            for (var i = 0; i < PagingGuard.MaxEmptyPagesInARow; i++)
            {
                guard.Follow(new CustomerInvoiceList(), $"empty-{i}");
            }
        });
        Assert.Equal(SpApiFailureKind.EndlessPaging, error.Kind);
    }
}
