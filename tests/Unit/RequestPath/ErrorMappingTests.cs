using System.Net;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Http;
using SpApi.Core.Operations;
using SpApi.Tests.Support;

namespace SpApi.Tests.RequestPath;

/// <summary>Core part 7 (errors): SP-API and LWA failures become one typed exception.</summary>
public sealed class ErrorMappingTests
{
    [Fact]
    public async Task ABadRequestCarriesStatusCodeDetailsRequestIdAndOperation()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = sandbox.Client();
        // Sent as a raw request: the typed API would refuse this 8-day window before sending it.
        var request = new SpApiRequest(SpApiOperations.GetCustomerInvoices)
            .WithQuery("createdAfter", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero))
            .WithQuery("createdBefore", new DateTimeOffset(2026, 10, 9, 0, 0, 0, TimeSpan.Zero));

        var error = await Assert.ThrowsAsync<SpApiException>(() => client.SendAsync<CustomerInvoiceList>(request, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(SpApiFailureKind.InvalidRequest, error.Kind);
        Assert.Equal("InvalidInput", error.AmazonErrorCode);
        Assert.Equal("getCustomerInvoices", error.Operation);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Contains(error.RequestId!, error.Message);
        Assert.Contains("must not exceed 7 days", error.Message);
        Assert.Single(error.Errors);
    }

    [Fact]
    public async Task AMissingInvoiceIsNotFound()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new CustomerInvoicesApi(sandbox.Client());

        var error = await Assert.ThrowsAsync<SpApiException>(() => api.GetCustomerInvoiceAsync("PO99999999", CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(SpApiFailureKind.NotFound, error.Kind);
        Assert.Equal("NotFound", error.AmazonErrorCode);
        Assert.Contains("PO99999999", error.Message);
    }

    [Fact]
    public async Task TransportFailuresKeepTheInnerException()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new CustomerInvoicesApi(sandbox.Client(maxRetries: 1));
        await api.GetCustomerInvoiceAsync("PO00000001", CancellationToken.None);
        sandbox.State.Faults.Inject(SpApi.Sandbox.FaultKind.ConnectionReset, 2, "getCustomerInvoice");

        var error = await Assert.ThrowsAsync<SpApiException>(() => api.GetCustomerInvoiceAsync("PO00000002", CancellationToken.None));

        Assert.Equal(SpApiFailureKind.Transport, error.Kind);
        Assert.Null(error.AmazonErrorCode);
        Assert.Null(error.StatusCode);
        Assert.IsAssignableFrom<HttpRequestException>(error.InnerException);
    }

    [Theory]
    [InlineData("PO-1")]
    [InlineData("PO 1")]
    [InlineData("")]
    [InlineData("PO1/../x")]
    public async Task ABadPurchaseOrderNumberIsRefusedBeforeAnyCall(string purchaseOrderNumber)
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new CustomerInvoicesApi(sandbox.Client());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => api.GetCustomerInvoiceAsync(purchaseOrderNumber, CancellationToken.None));

        Assert.Equal("purchaseOrderNumber", error.ParamName);
        Assert.Contains("^[a-zA-Z0-9]+$", error.Message);
        Assert.Equal(0, sandbox.Counters.Requests);
        Assert.Equal(0, sandbox.Counters.AccessTokensIssued);
    }

    [Theory]
    [InlineData(0, 0, null, "CreatedBefore")]
    [InlineData(0, 8, null, "CreatedBefore")]
    [InlineData(1, 0, null, "CreatedBefore")]
    [InlineData(0, 1, 0, "PageSize")]
    [InlineData(0, 1, 101, "PageSize")]
    public void AnInvalidWindowIsRefusedWithTheParameterNamed(int afterDays, int beforeDays, int? limit, string parameter)
    {
        var start = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var query = new CustomerInvoicesQuery
        {
            CreatedAfter = start.AddDays(afterDays),
            CreatedBefore = start.AddDays(beforeDays),
            PageSize = limit,
        };

        var error = Assert.ThrowsAny<ArgumentException>(() => query.Validate());

        Assert.Equal(parameter, error.ParamName);
    }
}
