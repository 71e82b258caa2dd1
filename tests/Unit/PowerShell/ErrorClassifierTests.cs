using System.Management.Automation;
using System.Net;
using SpApi.Core.Http;
using SpApi.Core.Invoicing;
using SpApi.Core.Workflows;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.Tests.PowerShell;

/// <summary>Stable ErrorIds and categories: scripts match on these, so they must not drift.</summary>
public sealed class ErrorClassifierTests
{
    [Theory]
    [InlineData(400, "op", "SpApiInvalidRequest", ErrorCategory.InvalidArgument)]
    [InlineData(401, "op", "SpApiAccessDenied", ErrorCategory.PermissionDenied)]
    [InlineData(403, "op", "SpApiAccessDenied", ErrorCategory.PermissionDenied)]
    [InlineData(404, "op", "SpApiNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(429, "op", "SpApiThrottled", ErrorCategory.LimitsExceeded)]
    [InlineData(503, "op", "SpApiServerError", ErrorCategory.ResourceUnavailable)]
    [InlineData(400, "LWA", "SpApiAuthenticationFailed", ErrorCategory.AuthenticationError)]
    [InlineData(401, "LWA", "SpApiAuthenticationFailed", ErrorCategory.AuthenticationError)]
    public void StatusCodesMapToStableIds(int status, string operation, string errorId, ErrorCategory category) =>
        Assert.Equal((errorId, category), ErrorClassifier.Classify(new SpApiException("m", operation, (HttpStatusCode)status, "Code"), "Arg"));

    [Fact]
    public void OtherFailuresMapToStableIds()
    {
        Assert.Equal(("SpApiOperationStopped", ErrorCategory.OperationStopped), ErrorClassifier.Classify(new OperationCanceledException(), "Arg"));
        Assert.Equal(("SpApiOutcomeUnknown", ErrorCategory.InvalidResult), ErrorClassifier.Classify(new SpApiException("m", "submitInvoices", HttpStatusCode.InternalServerError, requestMayHaveBeenProcessed: true), "Arg"));
        Assert.Equal(("SpApiTimeout", ErrorCategory.OperationTimeout), ErrorClassifier.Classify(new SpApiException("m", "op", errorCode: "Timeout"), "Arg"));
        Assert.Equal(("SpApiConnectionFailed", ErrorCategory.ConnectionError), ErrorClassifier.Classify(new SpApiException("m", "op", errorCode: "TransportError"), "Arg"));
        Assert.Equal(("InvalidConnectionParameter", ErrorCategory.InvalidArgument), ErrorClassifier.Classify(new ArgumentException("m", "Region"), "InvalidConnectionParameter"));
        Assert.Equal(("InvalidProfileParameter", ErrorCategory.InvalidOperation), ErrorClassifier.Classify(new InvalidOperationException("exists"), "InvalidProfileParameter"));
        Assert.Equal(("SpApiOperationFailed", ErrorCategory.InvalidOperation), ErrorClassifier.Classify(new IOException("disk"), "Arg"));
        Assert.Equal(("SpApiNotConnected", ErrorCategory.ConnectionError), ErrorClassifier.Classify(new SpApiNotConnectedException("none"), "Arg"));
        Assert.Equal(("DuplicateVendorInvoice", ErrorCategory.ResourceExists), ErrorClassifier.Classify(new DuplicateInvoiceException("INV-1"), "Arg"));
        Assert.Equal(("VendorInvoiceNotSent", ErrorCategory.NotSpecified), ErrorClassifier.Classify(new InvoicesNotSentException(new[] { "INV-2" }), "Arg"));
        var invalid = InvoiceInput.Test(new Dictionary<string, object?>(), InvoiceApi.Vendor);
        Assert.Equal(("InvalidVendorInvoice", ErrorCategory.InvalidData), ErrorClassifier.Classify(new InvalidVendorInvoiceException(invalid, "Not sent."), "Arg"));
        var processing = new VendorTransactionStatus("T-1", InvoiceApi.Vendor, "Processing", Array.Empty<TransactionError>(), Array.Empty<string>(), DateTimeOffset.UtcNow);
        Assert.Equal(("TransactionWaitTimeout", ErrorCategory.OperationTimeout), ErrorClassifier.Classify(new TransactionWaitTimeoutException(processing, TimeSpan.FromSeconds(5)), "Arg"));
        Assert.Equal(("InvoiceExportTimeout", ErrorCategory.OperationTimeout), ErrorClassifier.Classify(new InvoiceExportTimeoutException("export"), "Arg"));
        Assert.Equal(("SpApiOperationFailed", ErrorCategory.InvalidOperation), ErrorClassifier.Classify(new TimeoutException("other"), "Arg"));
    }

    [Fact]
    public void DetailsCarryTheErrorCodeAndRequestId()
    {
        var details = ErrorClassifier.Details(new SpApiException("getCustomerInvoice failed.", "getCustomerInvoice", HttpStatusCode.NotFound, "NotFound", requestId: "req-42"));

        Assert.Contains("NotFound", details);
        Assert.Contains("req-42", details);
    }

    [Fact]
    public void EveryStableIdIsDocumented()
    {
        var documented = File.ReadAllText(Path.Combine(Support.Repository.Root, "docs", "errors.md"));
        foreach (var id in new[]
        {
            "SpApiInvalidRequest", "SpApiAccessDenied", "SpApiNotFound", "SpApiThrottled", "SpApiServerError",
            "SpApiAuthenticationFailed", "SpApiOperationStopped", "SpApiOutcomeUnknown", "SpApiTimeout",
            "SpApiConnectionFailed", "SpApiInvalidResponse", "SpApiRequestFailed", "SpApiOperationFailed",
            "InvalidConnectionParameter", "InvalidProfileParameter", "InvalidCustomerInvoiceQuery", "InvalidPurchaseOrderNumber",
            "InvalidSyncParameter", "InvalidInvoiceContent", "InvalidInvoiceExportParameter", "InvalidInvoiceQuery", "InvalidReceiveParameter",
            "InvoiceExportFailed", "InvoiceExportTimeout", "UnsafeZipEntry", "DocumentUrlExpired", "InvoiceFileExists", "SyncAlreadyRunning", "SyncIncomplete", "SpApiNotConnected",
            "InvalidVendorInvoice", "InvalidVendorInvoiceInput", "DuplicateVendorInvoice", "VendorInvoiceNotSent", "TransactionWaitTimeout", "InvalidTransactionStatusParameter",
        })
        {
            Assert.Contains($"`{id}`", documented);
        }
    }
}
