using System.Management.Automation;
using SpApi.Core.Apis.VendorInvoices;
using SpApi.Core.Invoicing;
using SpApi.PowerShell.Infrastructure;
using SpApi.Tests.Support;
using SpApi.Tests.VendorInvoices;

namespace SpApi.Tests.Values;

/// <summary>A transaction that ends in Failure becomes an error that names the transaction, its invoices and Amazon's errors.</summary>
public sealed class TransactionFailureTests
{
    [Fact]
    public async Task AFailureInTheSandboxBecomesAnErrorWithAmazonsErrorsAndTheInvoices()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TransactionProcessingReads = 0);
        var api = new VendorInvoicingApi(sandbox.Client());
        var wrong = InvoiceBatcherTests.Vendor("INV-9");
        wrong.InvoiceTotal!.Amount = 40.00m;
        var batcher = new InvoiceBatcher();
        var batch = batcher.Add(new VendorInvoiceTestResult(InvoiceBatcherTests.Vendor("INV-8"), InvoiceApi.Vendor, Array.Empty<InvoiceProblem>(), "INV-8"))
            .Concat(batcher.Add(new VendorInvoiceTestResult(wrong, InvoiceApi.Vendor, Array.Empty<InvoiceProblem>(), "INV-9")))
            .Concat(batcher.Flush())
            .Single();
        var sent = (await new InvoiceSubmission(api, TimeProvider.System).SendAsync(batch, CancellationToken.None))!;
        var status = await TransactionWaiter.GetAsync(api, new TransactionWatch(sent.TransactionId, sent.Api, sent.InvoiceIds), new TransactionWaitOptions(), TimeProvider.System, CancellationToken.None);

        var failure = new TransactionFailedException(status);

        Assert.Equal("Failure", status.Status);
        Assert.Same(status, failure.Status);
        Assert.Equal((ErrorIds.SpApiTransactionFailed, ErrorCategory.InvalidData), ErrorClassifier.Classify(failure, ErrorIds.InvalidTransactionStatusParameter));
        Assert.Contains($"Transaction {sent.TransactionId} (Vendor) ended in Failure for invoices INV-8, INV-9.", failure.Message);
        Assert.Contains("Amazon's errors: INV-9: INVALID_INVOICE_TOTAL:", failure.Message);
    }

    [Fact]
    public void WithoutInvoiceIdsTheMessageSaysHowToNameThem()
    {
        var status = new VendorTransactionStatus("T-1", InvoiceApi.Vendor, "Failure", new[] { new TransactionError("X", "\u001b[31mred\u001b[0m text", null, null) }, Array.Empty<string>(), DateTimeOffset.UtcNow);

        var message = new TransactionFailedException(status).Message;

        Assert.Contains("invoice ids unknown: pass -InvoiceId", message);
        // Amazon's text is cleaned as any server text in an exception is: no terminal escapes.
        Assert.Contains("X: red text", message);
        Assert.DoesNotContain('\u001b', message);
    }
}
