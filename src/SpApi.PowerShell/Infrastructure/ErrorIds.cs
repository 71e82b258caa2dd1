namespace SpApi.PowerShell.Infrastructure;

/// <summary>
/// Every stable ErrorId of the module, in one place. Scripts and Pester tests match on them, so they never
/// change; docs/errors.md and about_SpApi_Errors list each of them, and a test enumerates this class to check.
/// </summary>
internal static class ErrorIds
{
    // Failures of SP-API and Login with Amazon.
    public const string SpApiInvalidRequest = nameof(SpApiInvalidRequest);
    public const string SpApiAccessDenied = nameof(SpApiAccessDenied);
    public const string SpApiAuthenticationFailed = nameof(SpApiAuthenticationFailed);
    public const string SpApiNotFound = nameof(SpApiNotFound);
    public const string SpApiThrottled = nameof(SpApiThrottled);
    public const string SpApiServerError = nameof(SpApiServerError);
    public const string SpApiOutcomeUnknown = nameof(SpApiOutcomeUnknown);
    public const string SpApiTimeout = nameof(SpApiTimeout);
    public const string SpApiConnectionFailed = nameof(SpApiConnectionFailed);
    public const string SpApiInvalidResponse = nameof(SpApiInvalidResponse);
    public const string SpApiRequestFailed = nameof(SpApiRequestFailed);
    public const string SpApiOperationStopped = nameof(SpApiOperationStopped);
    public const string SpApiOperationFailed = nameof(SpApiOperationFailed);
    public const string SpApiNotConnected = nameof(SpApiNotConnected);
    public const string SpApiHostFailure = nameof(SpApiHostFailure);

    // Validation: the cmdlet's own checks of its input and state; nothing is sent.
    public const string InvalidConnectionParameter = nameof(InvalidConnectionParameter);
    public const string InvalidProfileParameter = nameof(InvalidProfileParameter);
    public const string ProfileNotFound = nameof(ProfileNotFound);
    public const string InvalidCustomerInvoiceQuery = nameof(InvalidCustomerInvoiceQuery);
    public const string InvalidPurchaseOrderNumber = nameof(InvalidPurchaseOrderNumber);
    public const string InvalidSyncParameter = nameof(InvalidSyncParameter);
    public const string InvalidInvoiceExportParameter = nameof(InvalidInvoiceExportParameter);
    public const string InvalidInvoiceQuery = nameof(InvalidInvoiceQuery);
    public const string UnsupportedTaxInvoiceMarketplace = nameof(UnsupportedTaxInvoiceMarketplace);
    public const string InvalidReceiveParameter = nameof(InvalidReceiveParameter);
    public const string InvalidSaveParameter = nameof(InvalidSaveParameter);
    public const string InvalidVendorInvoiceInput = nameof(InvalidVendorInvoiceInput);
    public const string InvalidTransactionStatusParameter = nameof(InvalidTransactionStatusParameter);
    public const string InvalidVendorInvoiceQuery = nameof(InvalidVendorInvoiceQuery);

    // Files and sync.
    public const string InvalidInvoiceContent = nameof(InvalidInvoiceContent);
    public const string InvoiceFileExists = nameof(InvoiceFileExists);
    public const string FileAccessDenied = nameof(FileAccessDenied);
    public const string SyncAlreadyRunning = nameof(SyncAlreadyRunning);
    public const string SyncIncomplete = nameof(SyncIncomplete);
    public const string InvalidSyncState = nameof(InvalidSyncState);
    public const string InputFileTooLarge = nameof(InputFileTooLarge);
    public const string ProfileFileUnavailable = nameof(ProfileFileUnavailable);

    // Tax invoice exports.
    public const string InvoiceExportFailed = nameof(InvoiceExportFailed);
    public const string InvoiceExportTimeout = nameof(InvoiceExportTimeout);
    public const string UnsafeZipEntry = nameof(UnsafeZipEntry);
    public const string DocumentUrlExpired = nameof(DocumentUrlExpired);
    public const string InvoiceDocumentCorrupt = nameof(InvoiceDocumentCorrupt);
    public const string ZipLimitExceeded = nameof(ZipLimitExceeded);
    public const string InvalidZipEntry = nameof(InvalidZipEntry);

    // Government invoices (NF-e of shipments).
    public const string InvalidGovernmentInvoiceParameter = nameof(InvalidGovernmentInvoiceParameter);
    public const string GovernmentInvoiceFailed = nameof(GovernmentInvoiceFailed);
    public const string GovernmentInvoiceTimeout = nameof(GovernmentInvoiceTimeout);

    // Vendor invoices.
    public const string InvalidVendorInvoice = nameof(InvalidVendorInvoice);
    public const string DuplicateVendorInvoice = nameof(DuplicateVendorInvoice);
    public const string VendorInvoiceNotSent = nameof(VendorInvoiceNotSent);
    public const string TransactionWaitTimeout = nameof(TransactionWaitTimeout);
    public const string SpApiTransactionFailed = nameof(SpApiTransactionFailed);
    public const string SubmissionLedgerUnavailable = nameof(SubmissionLedgerUnavailable);
}
