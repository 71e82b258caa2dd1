using System.Management.Automation;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Connection;
using SpApi.Core.Files;
using SpApi.Core.Http;
using SpApi.Core.Invoicing;
using SpApi.Core.Ledger;
using SpApi.Core.Workflows;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>
/// Maps Core exceptions to stable ErrorIds and categories, in one place for every cmdlet.
/// The ids are the constants of <see cref="ErrorIds"/>: scripts may match on them.
/// </summary>
internal static class ErrorClassifier
{
    /// <summary>
    /// The ErrorId and category of a failure, decided by its type (and an SpApiException's
    /// <see cref="SpApiException.Kind"/>), never by its message. <paramref name="validationErrorId"/> names
    /// the cmdlet's own checks of its input and state: Core throws ArgumentException (with the parameter
    /// name) or InvalidOperationException for those, for example InvalidConnectionParameter.
    /// </summary>
    public static (string ErrorId, ErrorCategory Category) Classify(Exception exception, string validationErrorId)
    {
        if (PowerShellFailure.Is(exception))
        {
            // The cmdlets let these pass through; this is the net for one that reaches a record anyway. Some
            // are InvalidOperationException or ArgumentException (PSInvalidOperationException, PSArgumentException),
            // so they must not reach the validation cases below.
            return (ErrorIds.SpApiHostFailure, ErrorCategory.ResourceUnavailable);
        }

        switch (exception)
        {
            case SpApiNotConnectedException:
                return (ErrorIds.SpApiNotConnected, ErrorCategory.ConnectionError);
            case OperationCanceledException:
                return (ErrorIds.SpApiOperationStopped, ErrorCategory.OperationStopped);
            case InvalidInvoiceContentException:
                return (ErrorIds.InvalidInvoiceContent, ErrorCategory.InvalidData);
            case InvoiceFileConflictException:
                return (ErrorIds.InvoiceFileExists, ErrorCategory.ResourceExists);
            case FileAccessDeniedException:
                return (ErrorIds.FileAccessDenied, ErrorCategory.PermissionDenied);
            case SyncLockedException:
                return (ErrorIds.SyncAlreadyRunning, ErrorCategory.ResourceBusy);
            case CustomerInvoiceSyncException:
                return (ErrorIds.SyncIncomplete, ErrorCategory.WriteError);
            case InvoiceExportFailedException:
                return (ErrorIds.InvoiceExportFailed, ErrorCategory.InvalidResult);
            case TransactionFailedException:
                return (ErrorIds.SpApiTransactionFailed, ErrorCategory.InvalidData);
            case TransactionWaitTimeoutException:
                return (ErrorIds.TransactionWaitTimeout, ErrorCategory.OperationTimeout);
            case InvoiceExportTimeoutException:
                return (ErrorIds.InvoiceExportTimeout, ErrorCategory.OperationTimeout);
            case GovernmentInvoiceFailedException:
                return (ErrorIds.GovernmentInvoiceFailed, ErrorCategory.InvalidResult);
            case GovernmentInvoiceTimeoutException:
                return (ErrorIds.GovernmentInvoiceTimeout, ErrorCategory.OperationTimeout);
            case InvalidVendorInvoiceException:
                return (ErrorIds.InvalidVendorInvoice, ErrorCategory.InvalidData);
            case DuplicateInvoiceException:
                return (ErrorIds.DuplicateVendorInvoice, ErrorCategory.ResourceExists);
            case LedgerConflictException { OutcomeUnknown: true }:
                return (ErrorIds.SpApiOutcomeUnknown, ErrorCategory.InvalidResult);
            case LedgerConflictException:
                return (ErrorIds.DuplicateVendorInvoice, ErrorCategory.ResourceExists);
            case SubmissionLedgerException:
                return (ErrorIds.SubmissionLedgerUnavailable, ErrorCategory.ReadError);
            case InvoicesNotSentException:
                return (ErrorIds.VendorInvoiceNotSent, ErrorCategory.NotSpecified);
            case ZipSlipException:
                return (ErrorIds.UnsafeZipEntry, ErrorCategory.SecurityError);
            case UnsupportedMarketplaceException:
                return (ErrorIds.UnsupportedTaxInvoiceMarketplace, ErrorCategory.InvalidArgument);
            case InvoiceDocumentCorruptException:
                return (ErrorIds.InvoiceDocumentCorrupt, ErrorCategory.InvalidData);
            case ZipLimitExceededException:
                return (ErrorIds.ZipLimitExceeded, ErrorCategory.LimitsExceeded);
            case InvalidZipEntryException:
                return (ErrorIds.InvalidZipEntry, ErrorCategory.InvalidData);
            case DocumentUrlExpiredException:
                return (ErrorIds.DocumentUrlExpired, ErrorCategory.ResourceUnavailable);
            case InputFileTooLargeException:
                return (ErrorIds.InputFileTooLarge, ErrorCategory.LimitsExceeded);
            case ProfileFileException:
                return (ErrorIds.ProfileFileUnavailable, ErrorCategory.ReadError);
            case SyncStateException:
                return (ErrorIds.InvalidSyncState, ErrorCategory.InvalidData);
            case SpApiException { Kind: SpApiFailureKind.AuthenticationFailed }:
                return (ErrorIds.SpApiAuthenticationFailed, ErrorCategory.AuthenticationError);
            case SpApiException { RequestMayHaveBeenProcessed: true }:
                return (ErrorIds.SpApiOutcomeUnknown, ErrorCategory.InvalidResult);
            case SpApiException sp:
                return Classify(sp.Kind);
            case ArgumentException:
                return (validationErrorId, ErrorCategory.InvalidArgument);
            case InvalidOperationException:
                return (validationErrorId, ErrorCategory.InvalidOperation);
            default:
                return (ErrorIds.SpApiOperationFailed, ErrorCategory.InvalidOperation);
        }
    }

    /// <summary>The ErrorRecord of a failure: its stable ErrorId, category and details.</summary>
    public static ErrorRecord Record(Exception exception, string validationErrorId, object? target)
    {
        var (errorId, category) = Classify(exception, validationErrorId);
        return new ErrorRecord(exception, errorId, category, target)
        {
            ErrorDetails = new ErrorDetails(Details(exception)),
        };
    }

    /// <summary>The ErrorDetails text: the message plus Amazon's error code and the request id.</summary>
    public static string Details(Exception exception) => exception switch
    {
        SpApiException { RequestId: { } requestId } sp when !sp.Message.Contains(requestId) =>
            $"{sp.Message} (error code {sp.AmazonErrorCode ?? "none"}, request id {requestId})",
        SpApiException sp when sp.AmazonErrorCode is not null => $"{sp.Message} (error code {sp.AmazonErrorCode})",
        _ => exception.Message,
    };

    private static (string ErrorId, ErrorCategory Category) Classify(SpApiFailureKind kind) => kind switch
    {
        SpApiFailureKind.InvalidRequest => (ErrorIds.SpApiInvalidRequest, ErrorCategory.InvalidArgument),
        SpApiFailureKind.AccessDenied => (ErrorIds.SpApiAccessDenied, ErrorCategory.PermissionDenied),
        SpApiFailureKind.NotFound => (ErrorIds.SpApiNotFound, ErrorCategory.ObjectNotFound),
        SpApiFailureKind.Throttled => (ErrorIds.SpApiThrottled, ErrorCategory.LimitsExceeded),
        SpApiFailureKind.ServerError => (ErrorIds.SpApiServerError, ErrorCategory.ResourceUnavailable),
        SpApiFailureKind.Timeout => (ErrorIds.SpApiTimeout, ErrorCategory.OperationTimeout),
        SpApiFailureKind.Transport => (ErrorIds.SpApiConnectionFailed, ErrorCategory.ConnectionError),
        SpApiFailureKind.InvalidResponse or SpApiFailureKind.RepeatedNextToken or SpApiFailureKind.EndlessPaging => (ErrorIds.SpApiInvalidResponse, ErrorCategory.InvalidResult),
        SpApiFailureKind.AuthenticationFailed => (ErrorIds.SpApiAuthenticationFailed, ErrorCategory.AuthenticationError),
        _ => (ErrorIds.SpApiRequestFailed, ErrorCategory.InvalidOperation),
    };
}
