using System.Reflection;

namespace SpApi.Core.Operations;

/// <summary>
/// The operation table. Rates and bursts are the "Usage Plan" figures of each model in tests/Models; the
/// Tax Invoices figures come from the model's previous revision (the current one dropped its tables); the
/// Finances Invoices model never had one, so its figures are a conservative choice (see FinancesInvoicesRate).
/// Restricted operations are those on the Tokens API's restricted-operation list (tests/Models/README.md).
/// OperationTableTests checks every descriptor, flags included, against those models.
/// </summary>
public static class SpApiOperations
{
    private const string DfShipping = "vendorDirectFulfillmentShipping";
    private const string DfPayments = "vendorDirectFulfillmentPayments";
    private const string DfTransactions = "vendorDirectFulfillmentTransactions";
    private const string VendorInvoices = "vendorInvoices";
    private const string VendorTransactions = "vendorTransactionStatus";
    private const string TaxInvoices = "invoices";
    private const string Tokens = "tokens";
    private const string FinancesInvoices = "financesInvoices";

    // The Finances Invoices model has no usage plan. 0.5 per second with a burst of 10 is the published plan
    // of the other Finances APIs (listTransactions 2024-06-19, listFinancialEvents v0 without its burst of 30),
    // so a first page never trips Amazon's bucket; x-amzn-RateLimit-Limit then sets the real rate.
    private const double FinancesInvoicesRate = 0.5;
    private const int FinancesInvoicesBurst = 10;

    /// <summary>DF Shipping v1 getCustomerInvoices (restricted, payload envelope).</summary>
    public static readonly OperationDescriptor GetCustomerInvoicesV1 = new(
        "getCustomerInvoices", DfShipping, "v1", HttpMethod.Get,
        "/vendor/directFulfillment/shipping/v1/customerInvoices", 10, 10, restricted: true, payloadEnvelope: true);

    /// <summary>DF Shipping v1 getCustomerInvoice (restricted, payload envelope).</summary>
    public static readonly OperationDescriptor GetCustomerInvoiceV1 = new(
        "getCustomerInvoice", DfShipping, "v1", HttpMethod.Get,
        "/vendor/directFulfillment/shipping/v1/customerInvoices/{purchaseOrderNumber}", 10, 10, restricted: true, payloadEnvelope: true);

    /// <summary>DF Shipping 2021-12-28 getCustomerInvoices (restricted).</summary>
    public static readonly OperationDescriptor GetCustomerInvoices = new(
        "getCustomerInvoices", DfShipping, "2021-12-28", HttpMethod.Get,
        "/vendor/directFulfillment/shipping/2021-12-28/customerInvoices", 10, 10, restricted: true);

    /// <summary>DF Shipping 2021-12-28 getCustomerInvoice (restricted).</summary>
    public static readonly OperationDescriptor GetCustomerInvoice = new(
        "getCustomerInvoice", DfShipping, "2021-12-28", HttpMethod.Get,
        "/vendor/directFulfillment/shipping/2021-12-28/customerInvoices/{purchaseOrderNumber}", 10, 10, restricted: true);

    /// <summary>DF Payments v1 submitInvoice.</summary>
    public static readonly OperationDescriptor SubmitDirectFulfillmentInvoice = new(
        "submitInvoice", DfPayments, "v1", HttpMethod.Post,
        "/vendor/directFulfillment/payments/v1/invoices", 10, 10, payloadEnvelope: true);

    /// <summary>Vendor Retail Procurement Payments v1 submitInvoices.</summary>
    public static readonly OperationDescriptor SubmitVendorInvoices = new(
        "submitInvoices", VendorInvoices, "v1", HttpMethod.Post,
        "/vendor/payments/v1/invoices", 10, 10, payloadEnvelope: true);

    /// <summary>DF Transaction Status v1 getTransactionStatus.</summary>
    public static readonly OperationDescriptor GetDirectFulfillmentTransactionStatusV1 = new(
        "getTransactionStatus", DfTransactions, "v1", HttpMethod.Get,
        "/vendor/directFulfillment/transactions/v1/transactions/{transactionId}", 10, 10, payloadEnvelope: true);

    /// <summary>DF Transaction Status 2021-12-28 getTransactionStatus.</summary>
    public static readonly OperationDescriptor GetDirectFulfillmentTransactionStatus = new(
        "getTransactionStatus", DfTransactions, "2021-12-28", HttpMethod.Get,
        "/vendor/directFulfillment/transactions/2021-12-28/transactions/{transactionId}", 10, 10);

    /// <summary>Vendor Transaction Status v1 getTransaction (burst 20).</summary>
    public static readonly OperationDescriptor GetVendorTransaction = new(
        "getTransaction", VendorTransactions, "v1", HttpMethod.Get,
        "/vendor/transactions/v1/transactions/{transactionId}", 10, 20, payloadEnvelope: true);

    /// <summary>Tokens 2021-03-01 createRestrictedDataToken. A POST, but asking for a token twice harms nothing.</summary>
    public static readonly OperationDescriptor CreateRestrictedDataToken = new(
        "createRestrictedDataToken", Tokens, "2021-03-01", HttpMethod.Post,
        "/tokens/2021-03-01/restrictedDataToken", 1, 10, sideEffectFree: true);

    /// <summary>Tax Invoices 2024-06-19 createInvoicesExport.</summary>
    public static readonly OperationDescriptor CreateInvoicesExport = new(
        "createInvoicesExport", TaxInvoices, "2024-06-19", HttpMethod.Post,
        "/tax/invoices/2024-06-19/exports", 0.167, 1);

    /// <summary>Tax Invoices 2024-06-19 getInvoicesExports.</summary>
    public static readonly OperationDescriptor GetInvoicesExports = new(
        "getInvoicesExports", TaxInvoices, "2024-06-19", HttpMethod.Get,
        "/tax/invoices/2024-06-19/exports", 0.1, 20);

    /// <summary>Tax Invoices 2024-06-19 getInvoicesExport.</summary>
    public static readonly OperationDescriptor GetInvoicesExport = new(
        "getInvoicesExport", TaxInvoices, "2024-06-19", HttpMethod.Get,
        "/tax/invoices/2024-06-19/exports/{exportId}", 2, 15);

    /// <summary>Tax Invoices 2024-06-19 getInvoicesDocument (one a minute).</summary>
    public static readonly OperationDescriptor GetInvoicesDocument = new(
        "getInvoicesDocument", TaxInvoices, "2024-06-19", HttpMethod.Get,
        "/tax/invoices/2024-06-19/documents/{invoicesDocumentId}", 0.0167, 1);

    /// <summary>Tax Invoices 2024-06-19 getInvoices.</summary>
    public static readonly OperationDescriptor GetInvoices = new(
        "getInvoices", TaxInvoices, "2024-06-19", HttpMethod.Get,
        "/tax/invoices/2024-06-19/invoices", 0.1, 20);

    /// <summary>Tax Invoices 2024-06-19 getInvoice.</summary>
    public static readonly OperationDescriptor GetInvoice = new(
        "getInvoice", TaxInvoices, "2024-06-19", HttpMethod.Get,
        "/tax/invoices/2024-06-19/invoices/{invoiceId}", 2, 15);

    /// <summary>Tax Invoices 2024-06-19 getInvoicesAttributes.</summary>
    public static readonly OperationDescriptor GetInvoicesAttributes = new(
        "getInvoicesAttributes", TaxInvoices, "2024-06-19", HttpMethod.Get,
        "/tax/invoices/2024-06-19/attributes", 1, 1);

    /// <summary>Tax Invoices 2024-06-19 createGovernmentInvoice (one a minute; the model's last published plan).</summary>
    public static readonly OperationDescriptor CreateGovernmentInvoice = new(
        "createGovernmentInvoice", TaxInvoices, "2024-06-19", HttpMethod.Post,
        "/tax/invoices/2024-06-19/governmentInvoiceRequests", 0.0167, 1);

    /// <summary>Tax Invoices 2024-06-19 getGovernmentInvoiceStatus (one a minute).</summary>
    public static readonly OperationDescriptor GetGovernmentInvoiceStatus = new(
        "getGovernmentInvoiceStatus", TaxInvoices, "2024-06-19", HttpMethod.Get,
        "/tax/invoices/2024-06-19/governmentInvoiceRequests", 0.0167, 1);

    /// <summary>Tax Invoices 2024-06-19 getGovernmentInvoiceDocument (one a minute).</summary>
    public static readonly OperationDescriptor GetGovernmentInvoiceDocument = new(
        "getGovernmentInvoiceDocument", TaxInvoices, "2024-06-19", HttpMethod.Get,
        "/tax/invoices/2024-06-19/governmentInvoiceRequests/{shipmentId}", 0.0167, 1);

    /// <summary>Finances Invoices 2026-06-25 getInvoiceHeaders (no usage plan in the model: see FinancesInvoicesRate).</summary>
    public static readonly OperationDescriptor GetFinancesInvoiceHeaders = new(
        "getInvoiceHeaders", FinancesInvoices, "2026-06-25", HttpMethod.Get,
        "/finances/invoices/2026-06-25/invoices", FinancesInvoicesRate, FinancesInvoicesBurst);

    /// <summary>Finances Invoices 2026-06-25 getInvoice (not the Tax Invoices getInvoice; no usage plan in the model).</summary>
    public static readonly OperationDescriptor GetFinancesInvoice = new(
        "getInvoice", FinancesInvoices, "2026-06-25", HttpMethod.Get,
        "/finances/invoices/2026-06-25/invoices/{invoiceIdentifier}", FinancesInvoicesRate, FinancesInvoicesBurst);

    /// <summary>
    /// Every operation the module calls: each descriptor field above, in declaration order. Read from the
    /// fields rather than listed, so a new operation cannot be left out of the limiter's or sandbox's view.
    /// </summary>
    /// <remarks>Declared after the fields: static initialisers run in textual order, so they are all set here.</remarks>
    public static IReadOnlyList<OperationDescriptor> All { get; } = typeof(SpApiOperations)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(OperationDescriptor))
        .OrderBy(field => field.MetadataToken)
        .Select(field => (OperationDescriptor)field.GetValue(null)!)
        .ToArray();
}
