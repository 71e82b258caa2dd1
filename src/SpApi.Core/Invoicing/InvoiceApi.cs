namespace SpApi.Core.Invoicing;

/// <summary>Which SP-API an invoice goes to; each has its own model, submit operation and transaction status.</summary>
public enum InvoiceApi
{
    /// <summary>Vendor Retail Procurement Payments (submitInvoices), polled with Vendor Transaction Status (getTransaction).</summary>
    Vendor,

    /// <summary>Vendor Direct Fulfillment Payments (submitInvoice), polled with DF Transaction Status (getTransactionStatus).</summary>
    DirectFulfillment,
}
