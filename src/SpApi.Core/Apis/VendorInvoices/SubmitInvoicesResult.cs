namespace SpApi.Core.Apis.VendorInvoices;

/// <summary>
/// The model's TransactionId: the payload of SubmitInvoicesResponse. Named for what it is, since a C# type
/// cannot have a property of its own name.
/// </summary>
internal sealed class SubmitInvoicesResult
{
    public string? TransactionId { get; set; }
}
