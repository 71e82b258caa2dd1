// The definitions of vendorDirectFulfillmentPaymentsV1.json, with their official names. They differ from
// the vendor (Retail) model: invoiceNumber and invoiceDate instead of id and date, itemSequenceNumber is a
// string, the address has postalCode, taxes are taxTotals, there are no allowances, invoice types or credit
// notes, and Money requires both fields. Every property is optional here so that incomplete input can be
// held and reported by DirectFulfillmentInvoiceRules.
namespace SpApi.Core.Apis.VendorDirectFulfillmentPayments;

/// <summary>The request body of submitInvoice.</summary>
public sealed class SubmitInvoiceRequest
{
    /// <summary>The invoices to submit.</summary>
    public List<InvoiceDetail>? Invoices { get; set; }
}
