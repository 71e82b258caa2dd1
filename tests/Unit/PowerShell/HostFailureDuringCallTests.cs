using System.Management.Automation;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Diagnostics;
using SpApi.Core.Http;
using SpApi.PowerShell.Infrastructure;
using SpApi.Tests.Support;

namespace SpApi.Tests.PowerShell;

/// <summary>
/// A real call to the sandbox, wired as SpApiCmdlet.RunCore wires it, whose diagnostic lines the host cannot
/// show: what Windows PowerShell's -Debug does in a scheduled task (it prompts, and a non-interactive host cannot).
/// </summary>
public sealed class HostFailureDuringCallTests
{
    private const string NonInteractive = "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.";

    [Fact]
    public async Task AMissingPurchaseOrderStaysNotFound()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new CustomerInvoicesApi(sandbox.Client());
        var prompts = 0;

        var error = Assert.Throws<SpApiException>(() => Run(
            ct => api.GetCustomerInvoiceAsync("PO99999999", ct),
            () => { prompts++; throw new PSInvalidOperationException(NonInteractive); }));

        Assert.Equal((ErrorIds.SpApiNotFound, ErrorCategory.ObjectNotFound), ErrorClassifier.Classify(error, ErrorIds.InvalidPurchaseOrderNumber));
        Assert.Equal(1, prompts);
    }

    [Fact]
    public async Task AfterASuccessTheHostFailurePassesThrough()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new CustomerInvoicesApi(sandbox.Client());
        var invoice = default(CustomerInvoice);

        Assert.Throws<PSInvalidOperationException>(() => Run(
            async ct => invoice = await api.GetCustomerInvoiceAsync("PO00000001", ct),
            () => throw new PSInvalidOperationException(NonInteractive)));

        Assert.NotNull(invoice);
    }

    [Fact]
    public async Task AStoppedPipelineStillStopsTheCall()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new CustomerInvoicesApi(sandbox.Client());

        Assert.Throws<PipelineStoppedException>(() => Run(
            ct => api.GetCustomerInvoiceAsync("PO99999999", ct),
            () => throw new PipelineStoppedException()));
    }

    // Each diagnostic event of the call is posted to the pipeline thread, where showing it runs showLine.
    private static void Run(Func<CancellationToken, Task> work, Action showLine)
    {
        var pump = new PipelinePump();
        using var cancellation = new CancellationTokenSource();
        using (SpApiLogScope.Begin(new CmdletLog(_ => pump.PostDiagnostic(showLine, cancellation.Token))))
        {
            pump.Run(() => work(cancellation.Token), cancellation);
        }
    }
}
