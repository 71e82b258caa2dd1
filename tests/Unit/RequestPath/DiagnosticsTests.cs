using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Diagnostics;
using SpApi.Tests.Support;

namespace SpApi.Tests.RequestPath;

/// <summary>What -Verbose shows of each call: the operation and path, then the status, request id and rate limit.</summary>
public sealed class DiagnosticsTests
{
    [Fact]
    public async Task EachCallIsLoggedWithItsPathStatusRequestIdAndRateLimit()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var log = new CapturingLog();
        var api = new CustomerInvoicesApi(sandbox.Client(log));

        await api.GetCustomerInvoiceAsync("PO00000001", CancellationToken.None);

        var request = Assert.Single(log.Of(SpApiLogKind.Request), e => e.Operation == "getCustomerInvoice" && e.Level == SpApiLogLevel.Verbose);
        Assert.Equal("GET /vendor/directFulfillment/shipping/2021-12-28/customerInvoices/PO00000001", request.Message);
        var response = Assert.Single(log.Of(SpApiLogKind.Response), e => e.Operation == "getCustomerInvoice" && e.Level == SpApiLogLevel.Verbose);
        Assert.Matches(@"^200 OK in \d+ ms, request id [0-9a-f-]{36}, rate limit \d+(\.\d+)?$", response.Message);
    }
}
