using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Workflows;
using SpApi.Tests.Support;

using static SpApi.Tests.TaxInvoices.GovernmentSandbox;

namespace SpApi.Tests.TaxInvoices;

/// <summary>New-SpGovernmentInvoice's rule against duplicates: a shipment gets a request only when Amazon has none.</summary>
public sealed class GovernmentInvoiceRequesterTests
{
    [Fact]
    public async Task AShipmentWithoutARequestHasNoneToReuse()
    {
        await using var sandbox = await StartAsync();
        var api = new GovernmentInvoicesApi(sandbox.Client());

        Assert.Null(await GovernmentInvoiceRequester.FindExistingAsync(api, Shipment(), CancellationToken.None));
        Assert.Equal(1, sandbox.Counters.RequestsFor("getGovernmentInvoiceStatus"));
    }

    [Theory]
    [InlineData(1.0, "PROCESSING")]
    [InlineData(0.0, "SUCCESS")]
    public async Task ARequestProcessingOrDoneIsTheOneToReuse(double delayHours, string status)
    {
        await using var sandbox = await StartAsync(o => o.GovernmentInvoiceDelay = TimeSpan.FromHours(delayHours));
        var api = new GovernmentInvoicesApi(sandbox.Client());
        var sent = await GovernmentInvoiceRequester.SendAsync(api, new GovernmentInvoiceRequest(Shipment(), Carrier()), CancellationToken.None);

        var existing = await GovernmentInvoiceRequester.FindExistingAsync(api, Shipment(), CancellationToken.None);

        Assert.Equal("PROCESSING", sent.Status);
        Assert.Equal(status, existing!.Status);
        Assert.Equal(Shipment().ShipmentId, existing.ShipmentId);
        Assert.Equal(1, sandbox.Counters.RequestsFor("createGovernmentInvoice"));
    }

    [Fact]
    public async Task ARequestThatEndedInErrorIsReportedWithAmazonsErrors()
    {
        await using var sandbox = await StartAsync();
        var api = new GovernmentInvoicesApi(sandbox.Client());
        await GovernmentInvoiceRequester.SendAsync(api, new GovernmentInvoiceRequest(Shipment("SANDBOX-ERROR-1"), null), CancellationToken.None);

        var error = await Assert.ThrowsAsync<GovernmentInvoiceFailedException>(() => GovernmentInvoiceRequester.FindExistingAsync(api, Shipment("SANDBOX-ERROR-1"), CancellationToken.None));

        Assert.Equal("481", Assert.Single(error.InvoiceErrors).ErrorCode);
        Assert.Contains("481: Rejeição", error.Message);
        Assert.Contains("SANDBOX-ERROR-1", error.Message);
        Assert.Contains("-Force", error.Message);
    }
}
