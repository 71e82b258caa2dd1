namespace SpApi.Sandbox;

/// <summary>The API an invoice submission went to; each has its own transactions and its own invoice ids.</summary>
public enum SubmissionApi
{
    /// <summary>Vendor Retail Procurement Payments submitInvoices, polled with getTransaction.</summary>
    Vendor,

    /// <summary>Direct Fulfillment Payments submitInvoice, polled with the DF getTransactionStatus (v1 or 2021-12-28).</summary>
    DirectFulfillment,
}
