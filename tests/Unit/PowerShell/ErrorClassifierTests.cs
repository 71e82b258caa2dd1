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
    [InlineData(SpApiFailureKind.InvalidRequest, "SpApiInvalidRequest", ErrorCategory.InvalidArgument)]
    [InlineData(SpApiFailureKind.AccessDenied, "SpApiAccessDenied", ErrorCategory.PermissionDenied)]
    [InlineData(SpApiFailureKind.NotFound, "SpApiNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(SpApiFailureKind.Throttled, "SpApiThrottled", ErrorCategory.LimitsExceeded)]
    [InlineData(SpApiFailureKind.ServerError, "SpApiServerError", ErrorCategory.ResourceUnavailable)]
    [InlineData(SpApiFailureKind.UnexpectedStatus, "SpApiRequestFailed", ErrorCategory.InvalidOperation)]
    [InlineData(SpApiFailureKind.AuthenticationFailed, "SpApiAuthenticationFailed", ErrorCategory.AuthenticationError)]
    [InlineData(SpApiFailureKind.Timeout, "SpApiTimeout", ErrorCategory.OperationTimeout)]
    [InlineData(SpApiFailureKind.Transport, "SpApiConnectionFailed", ErrorCategory.ConnectionError)]
    [InlineData(SpApiFailureKind.InvalidResponse, "SpApiInvalidResponse", ErrorCategory.InvalidResult)]
    [InlineData(SpApiFailureKind.RepeatedNextToken, "SpApiInvalidResponse", ErrorCategory.InvalidResult)]
    [InlineData(SpApiFailureKind.EndlessPaging, "SpApiInvalidResponse", ErrorCategory.InvalidResult)]
    public void EveryKindMapsToAStableId(SpApiFailureKind kind, string errorId, ErrorCategory category) =>
        Assert.Equal((errorId, category), ErrorClassifier.Classify(new SpApiException("m", "op", kind), "Arg"));

    [Fact]
    public void TheTheoryCoversEveryKind()
    {
        // A new kind must get its own row above, not fall silently into SpApiRequestFailed.
        var covered = typeof(ErrorClassifierTests).GetMethod(nameof(EveryKindMapsToAStableId))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(row => (SpApiFailureKind)row.GetData(null!).Single()[0]);

        Assert.Equal(Enum.GetValues(typeof(SpApiFailureKind)).Cast<SpApiFailureKind>().OrderBy(k => k), covered.OrderBy(k => k));
    }

    [Fact]
    public void TheKindDecidesNotAmazonsCodeOrTheMessage()
    {
        // Amazon's code and a message that reads like another failure change nothing: only the kind counts.
        var notFound = new SpApiException("Timeout: InvalidInput, access denied", "getCustomerInvoice", SpApiFailureKind.NotFound, HttpStatusCode.NotFound, "InvalidInput");

        Assert.Equal(("SpApiNotFound", ErrorCategory.ObjectNotFound), ErrorClassifier.Classify(notFound, "InvalidPurchaseOrderNumber"));
    }

    [Fact]
    public void OtherFailuresMapToStableIds()
    {
        Assert.Equal(("SpApiOperationStopped", ErrorCategory.OperationStopped), ErrorClassifier.Classify(new OperationCanceledException(), "Arg"));
        Assert.Equal(("SpApiOutcomeUnknown", ErrorCategory.InvalidResult), ErrorClassifier.Classify(new SpApiException("m", "submitInvoices", SpApiFailureKind.ServerError, HttpStatusCode.InternalServerError, requestMayHaveBeenProcessed: true), "Arg"));
        Assert.Equal(("SpApiOutcomeUnknown", ErrorCategory.InvalidResult), ErrorClassifier.Classify(new SpApiException("m", "submitInvoices", SpApiFailureKind.Timeout, requestMayHaveBeenProcessed: true), "Arg"));
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
        var details = ErrorClassifier.Details(new SpApiException("getCustomerInvoice failed.", "getCustomerInvoice", SpApiFailureKind.NotFound, HttpStatusCode.NotFound, "NotFound", requestId: "req-42"));

        Assert.Contains("NotFound", details);
        Assert.Contains("req-42", details);
    }

    [Fact]
    public void AmazonsCodeIsLeftOutOfTheDetailsWhenThereIsNone()
    {
        var details = ErrorClassifier.Details(new SpApiException("getCustomerInvoice timed out.", "getCustomerInvoice", SpApiFailureKind.Timeout));

        Assert.Equal("getCustomerInvoice timed out.", details);
    }
}
