namespace SpApi.Core.Apis.VendorDirectFulfillmentPayments;

/// <summary>The model's TransactionReference: the payload of SubmitInvoiceResponse.</summary>
internal sealed class TransactionReference
{
    public string? TransactionId { get; set; }
}
