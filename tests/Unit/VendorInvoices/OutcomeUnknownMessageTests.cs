using SpApi.Core.Http;
using SpApi.Core.Invoicing;
using SpApi.Sandbox;
using SpApi.Tests.Support;

namespace SpApi.Tests.VendorInvoices;

/// <summary>
/// SpApiOutcomeUnknown cannot be misread: what is known first, then one advice, and none of the server's text
/// (a 5xx body says "Please try again", the opposite of the advice). Amazon's words stay in the exception's Errors.
/// </summary>
public sealed class OutcomeUnknownMessageTests
{
    [Fact]
    public async Task A500LeadsWithTheUnknownOutcomeThenSaysNotToSubmitAgain()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var submission = new InvoiceSubmission(new VendorInvoicingApi(sandbox.Client()), TimeProvider.System);
        sandbox.State.Faults.Inject(FaultKind.InternalServerError, 1, "submitInvoices");

        var error = await Assert.ThrowsAsync<SpApiException>(() => submission.SendAsync(Batch("INV-1", "INV-2"), CancellationToken.None));

        Assert.True(error.RequestMayHaveBeenProcessed);
        Assert.Equal(
            "The outcome of submitting invoices INV-1, INV-2 is unknown: the request reached the server, which answered HTTP 500 (InternalFailure). "
                + "Amazon may have received them. Do not submit them again until you have checked them in Vendor Central (Payments, Invoices): "
                + $"sending them twice could create duplicate invoices. Later batches of this run are held back. Request id: {error.RequestId}.",
            error.Message);
        Assert.Contains("Please try again", Assert.Single(error.Errors).Message);
        Assert.Equal("InternalFailure", error.AmazonErrorCode);
    }

    [Fact]
    public async Task ALostConnectionSaysTheRequestWentOut()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var submission = new InvoiceSubmission(new VendorInvoicingApi(sandbox.Client()), TimeProvider.System);
        sandbox.State.Faults.Inject(FaultKind.ResetAfterProcessing, 1, "submitInvoices");

        var error = await Assert.ThrowsAsync<SpApiException>(() => submission.SendAsync(Batch("INV-1"), CancellationToken.None));

        Assert.StartsWith("The outcome of submitting invoices INV-1 is unknown: the request went out and the connection failed (", error.Message);
        Assert.Contains("). Amazon may have received them. Do not submit them again until", error.Message);
    }

    [Fact]
    public async Task AnAnswerTooLargeToReadSaysSoAsTheCause()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var submission = new InvoiceSubmission(new VendorInvoicingApi(sandbox.Client(requestTimeout: TimeSpan.FromSeconds(20))), TimeProvider.System);
        sandbox.State.Faults.Inject(FaultKind.EndlessBody, 1, "submitInvoices");

        var error = await Assert.ThrowsAsync<SpApiException>(() => submission.SendAsync(Batch("INV-1"), CancellationToken.None));

        Assert.True(error.RequestMayHaveBeenProcessed);
        Assert.StartsWith("The outcome of submitting invoices INV-1 is unknown: its answer was larger than the module reads (", error.Message);
        Assert.Contains("so it was not read to its end. Amazon may have received them. Do not submit them again until", error.Message);
    }

    [Fact]
    public async Task TheRequestPathsOwnMessageQuotesNoServerTextEither()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new VendorInvoicingApi(sandbox.Client());
        sandbox.State.Faults.Inject(FaultKind.InternalServerError, 1, "submitInvoices");

        var error = await Assert.ThrowsAsync<SpApiException>(() => api.SubmitAsync(Batch("INV-1"), CancellationToken.None));

        Assert.Equal(
            "The outcome of submitInvoices is unknown: the request reached the server, which answered HTTP 500 (InternalFailure). "
                + $"Amazon may have processed it; it was not sent again. Check its outcome before you send it again. Request id: {error.RequestId}.",
            error.Message);
    }

    [Fact]
    public async Task AFailureThatProvesNothingWasProcessedKeepsTheServersWords()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var submission = new InvoiceSubmission(new VendorInvoicingApi(sandbox.Client(maxRetries: 0)), TimeProvider.System);
        sandbox.State.Faults.Inject(FaultKind.TooManyRequests, 1, "submitInvoices");

        var error = await Assert.ThrowsAsync<SpApiException>(() => submission.SendAsync(Batch("INV-1"), CancellationToken.None));

        Assert.False(error.RequestMayHaveBeenProcessed);
        Assert.Contains(Assert.Single(error.Errors).Message, error.Message);
        Assert.Contains("none of its invoices were processed: INV-1. Fix the cause and submit them again.", error.Message);
    }

    private static InvoiceBatch Batch(params string[] ids)
    {
        var batcher = new InvoiceBatcher();
        Assert.Empty(ids.SelectMany(id => batcher.Add(InvoiceBatcherTests.Vendor(id))));
        return Assert.Single(batcher.Flush());
    }
}
