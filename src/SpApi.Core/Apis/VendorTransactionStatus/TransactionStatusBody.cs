namespace SpApi.Core.Apis.VendorTransactionStatus;

/// <summary>
/// The models' TransactionStatus, {"transactionStatus": Transaction}: the body of every transaction-status
/// response (wrapped in payload by the v1 APIs), here and in Direct Fulfillment Transaction Status.
/// </summary>
internal sealed class TransactionStatusBody
{
    public Transaction? TransactionStatus { get; set; }
}
