using System.Net;
using SpApi.Core.Http;
using SpApi.Core.Invoicing;
using SpApi.Sandbox;
using SpApi.Tests.Support;
using SpApi.Tests.VendorInvoices;

namespace SpApi.Tests.Faults;

/// <summary>
/// Issue 14 item 1: a submission is never reported as rejected unless Amazon rejected it. A 2xx whose body
/// cannot be read and any 3xx leave the outcome unknown: the run holds the rest back and nothing is sent again.
/// </summary>
public sealed class SubmissionOutcomeTests
{
    [Theory]
    [InlineData(InvoiceApi.Vendor, "submitInvoices")]
    [InlineData(InvoiceApi.DirectFulfillment, "submitInvoice")]
    public async Task AnAcceptedSubmissionWithACutBodyIsOutcomeUnknownAndHoldsTheRunBack(InvoiceApi api, string operation)
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var submission = new InvoiceSubmission(new VendorInvoicingApi(sandbox.Client()), TimeProvider.System);
        var (first, second) = (Batch(api, "CUT-1"), Batch(api, "CUT-2"));
        sandbox.State.Faults.Inject(FaultKind.TruncatedSuccess, 1, operation);

        var error = await Assert.ThrowsAsync<SpApiException>(() => submission.SendAsync(first, CancellationToken.None));
        var held = await submission.SendAsync(second, CancellationToken.None);

        Assert.True(error.RequestMayHaveBeenProcessed);
        Assert.Equal(SpApiFailureKind.InvalidResponse, error.Kind);
        Assert.Equal(HttpStatusCode.Accepted, error.StatusCode);
        Assert.Contains("CUT-1 is unknown", error.Message);
        Assert.DoesNotContain("rejected", error.Message);
        Assert.Null(held);
        Assert.True(submission.Halted);
        Assert.Equal(new[] { "CUT-2" }, submission.NotSent);
        Assert.Equal(1, sandbox.Counters.RequestsFor(operation));
        // The server did process it: telling the person to send it again would have made a duplicate.
        Assert.Equal(new[] { "CUT-1" }, sandbox.State.Transactions.All.SelectMany(t => t.InvoiceIds));
    }

    [Theory]
    [InlineData(FaultKind.TemporaryRedirectElsewhere, HttpStatusCode.TemporaryRedirect)]
    [InlineData(FaultKind.RedirectElsewhere, HttpStatusCode.Found)]
    public async Task ARedirectedSubmissionIsOutcomeUnknownAndGoesNowhereElse(FaultKind fault, HttpStatusCode status)
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var submission = new InvoiceSubmission(new VendorInvoicingApi(sandbox.Client()), TimeProvider.System);
        sandbox.State.Faults.Inject(fault, 1, "submitInvoices");

        var error = await Assert.ThrowsAsync<SpApiException>(() => submission.SendAsync(Batch(InvoiceApi.Vendor, "MOVED-1"), CancellationToken.None));
        var held = await submission.SendAsync(Batch(InvoiceApi.Vendor, "MOVED-2"), CancellationToken.None);

        Assert.Equal(status, error.StatusCode);
        Assert.True(error.RequestMayHaveBeenProcessed);
        Assert.DoesNotContain("rejected", error.Message);
        Assert.Null(held);
        Assert.Equal(new[] { "MOVED-2" }, submission.NotSent);
        Assert.Equal(1, sandbox.Counters.RequestsFor("submitInvoices"));
        Assert.Equal(0, sandbox.Counters.RedirectTargetHits);
    }

    [Fact]
    public async Task AmazonsOwnRejectionStillSaysRejectedAndTheRunGoesOn()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var submission = new InvoiceSubmission(new VendorInvoicingApi(sandbox.Client()), TimeProvider.System);
        sandbox.State.Faults.Inject(FaultKind.HugeErrorMessage, 1, "submitInvoices");

        var error = await Assert.ThrowsAsync<SpApiException>(() => submission.SendAsync(Batch(InvoiceApi.Vendor, "NO-1"), CancellationToken.None));
        var next = await submission.SendAsync(Batch(InvoiceApi.Vendor, "NO-2"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.False(error.RequestMayHaveBeenProcessed);
        Assert.Contains("Amazon rejected the request", error.Message);
        Assert.False(submission.Halted);
        Assert.NotNull(next);
    }

    [Theory]
    [InlineData(400, true, true)]
    [InlineData(413, true, true)]
    [InlineData(415, true, true)]
    [InlineData(413, false, false)] // a proxy's page, not Amazon's errors
    [InlineData(429, false, true)] // throttled: never processed, as the retry policy assumes
    [InlineData(307, true, false)]
    [InlineData(500, true, false)]
    [InlineData(202, true, false)]
    public void OnlyA4xxWithAmazonsErrorsIsARejection(int status, bool withErrors, bool rejection)
    {
        var errors = withErrors ? new[] { new SpApiError { Code = "InvalidInput", Message = "no" } } : Array.Empty<SpApiError>();

        Assert.Equal(rejection, ErrorMapper.IsRejection(status, errors));
    }

    private static InvoiceBatch Batch(InvoiceApi api, string id)
    {
        var batcher = new InvoiceBatcher();
        object invoice = api == InvoiceApi.Vendor ? InvoiceBatcherTests.Vendor(id) : InvoiceBatcherTests.DirectFulfillment(id);
        Assert.Empty(batcher.Add(invoice));
        return Assert.Single(batcher.Flush());
    }
}
