// The definitions of vendorInvoices.json (Vendor Retail Procurement Payments v1), with their official
// names. Property names serialise in camelCase, which is exactly the model's spelling. Every property is
// optional here so that incomplete input can be held and reported by VendorInvoiceRules, not lost.
namespace SpApi.Core.Apis.VendorInvoices;

/// <summary>The request body of submitInvoices.</summary>
public sealed class SubmitInvoicesRequest
{
    /// <summary>The invoices or credit notes to submit.</summary>
    public List<Invoice>? Invoices { get; set; }
}
