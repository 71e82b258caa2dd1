using SpApi.Core.Operations;

namespace SpApi.Sandbox;

/// <summary>
/// What differs between the two invoice submission operations: the model and request definition, and
/// the properties an invoice keeps its id, its invoice-level taxes and its allowances in.
/// </summary>
internal sealed record InvoiceSubmissionModel(
    OperationDescriptor Operation,
    SubmissionApi Api,
    ModelSchemaValidator Model,
    string RequestDefinition,
    string IdProperty,
    string InvoiceTaxesProperty,
    string? AllowancesProperty)
{
    /// <summary>Vendor Retail Procurement Payments submitInvoices.</summary>
    public static readonly InvoiceSubmissionModel Retail = new(
        SpApiOperations.SubmitVendorInvoices, SubmissionApi.Vendor, ModelSchemaValidator.FromResource("vendorInvoices.json"),
        "SubmitInvoicesRequest", "id", "taxDetails", "allowanceDetails");

    /// <summary>Direct Fulfillment Payments submitInvoice; its invoices have no allowances.</summary>
    public static readonly InvoiceSubmissionModel DirectFulfillment = new(
        SpApiOperations.SubmitDirectFulfillmentInvoice, SubmissionApi.DirectFulfillment, ModelSchemaValidator.FromResource("vendorDirectFulfillmentPaymentsV1.json"),
        "SubmitInvoiceRequest", "invoiceNumber", "taxTotals", null);
}
