using System.Management.Automation;
using System.Net;
using SpApi.Core.Files;
using SpApi.Core.Http;
using SpApi.Core.Invoicing;
using SpApi.Core.Workflows;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>
/// Maps Core exceptions to stable ErrorIds and categories, in one place for every cmdlet.
/// The ids are listed in docs/errors.md and asserted by tests: scripts may match on them.
/// </summary>
internal static class ErrorClassifier
{
    public static (string ErrorId, ErrorCategory Category) Classify(Exception exception, string validationErrorId)
    {
        switch (exception)
        {
            case SpApiNotConnectedException:
                return ("SpApiNotConnected", ErrorCategory.ConnectionError);
            case OperationCanceledException:
                return ("SpApiOperationStopped", ErrorCategory.OperationStopped);
            case InvalidInvoiceContentException:
                return ("InvalidInvoiceContent", ErrorCategory.InvalidData);
            case InvoiceFileConflictException:
                return ("InvoiceFileExists", ErrorCategory.ResourceExists);
            case SyncLockedException:
                return ("SyncAlreadyRunning", ErrorCategory.ResourceBusy);
            case CustomerInvoiceSyncException:
                return ("SyncIncomplete", ErrorCategory.WriteError);
            case InvoiceExportFailedException:
                return ("InvoiceExportFailed", ErrorCategory.InvalidResult);
            case TransactionWaitTimeoutException:
                return ("TransactionWaitTimeout", ErrorCategory.OperationTimeout);
            case InvoiceExportTimeoutException:
                return ("InvoiceExportTimeout", ErrorCategory.OperationTimeout);
            case InvalidVendorInvoiceException:
                return ("InvalidVendorInvoice", ErrorCategory.InvalidData);
            case DuplicateInvoiceException:
                return ("DuplicateVendorInvoice", ErrorCategory.ResourceExists);
            case InvoicesNotSentException:
                return ("VendorInvoiceNotSent", ErrorCategory.NotSpecified);
            case ZipSlipException:
                return ("UnsafeZipEntry", ErrorCategory.SecurityError);
            case DocumentUrlExpiredException:
                return ("DocumentUrlExpired", ErrorCategory.ResourceUnavailable);
            case SpApiException { Operation: "LWA", StatusCode: not null and not (HttpStatusCode)429 and < HttpStatusCode.InternalServerError }:
                return ("SpApiAuthenticationFailed", ErrorCategory.AuthenticationError);
            case SpApiException { RequestMayHaveBeenProcessed: true }:
                return ("SpApiOutcomeUnknown", ErrorCategory.InvalidResult);
            case SpApiException { StatusCode: { } status }:
                return (int)status switch
                {
                    400 => ("SpApiInvalidRequest", ErrorCategory.InvalidArgument),
                    401 or 403 => ("SpApiAccessDenied", ErrorCategory.PermissionDenied),
                    404 => ("SpApiNotFound", ErrorCategory.ObjectNotFound),
                    429 => ("SpApiThrottled", ErrorCategory.LimitsExceeded),
                    >= 500 => ("SpApiServerError", ErrorCategory.ResourceUnavailable),
                    _ => ("SpApiRequestFailed", ErrorCategory.InvalidOperation),
                };
            case SpApiException { ErrorCode: "Timeout" }:
                return ("SpApiTimeout", ErrorCategory.OperationTimeout);
            case SpApiException { ErrorCode: "TransportError" or "TokenEndpointUnreachable" }:
                return ("SpApiConnectionFailed", ErrorCategory.ConnectionError);
            case SpApiException:
                return ("SpApiInvalidResponse", ErrorCategory.InvalidResult);
            case ArgumentException:
                return (validationErrorId, ErrorCategory.InvalidArgument);
            case InvalidOperationException:
                return (validationErrorId, ErrorCategory.InvalidOperation);
            default:
                return ("SpApiOperationFailed", ErrorCategory.InvalidOperation);
        }
    }

    // validationErrorId names the cmdlet's own checks of its input and state (Core throws ArgumentException
    // or InvalidOperationException for those), for example InvalidConnectionParameter.

    /// <summary>The ErrorRecord of a failure: its stable ErrorId, category and details.</summary>
    public static ErrorRecord Record(Exception exception, string validationErrorId, object? target)
    {
        var (errorId, category) = Classify(exception, validationErrorId);
        return new ErrorRecord(exception, errorId, category, target)
        {
            ErrorDetails = new ErrorDetails(Details(exception)),
        };
    }

    /// <summary>The ErrorDetails text: the message plus the SP-API error code and request id.</summary>
    public static string Details(Exception exception) => exception switch
    {
        SpApiException { RequestId: { } requestId } sp when !sp.Message.Contains(requestId) =>
            $"{sp.Message} (error code {sp.ErrorCode ?? "none"}, request id {requestId})",
        SpApiException sp when sp.ErrorCode is not null => $"{sp.Message} (error code {sp.ErrorCode})",
        _ => exception.Message,
    };
}
