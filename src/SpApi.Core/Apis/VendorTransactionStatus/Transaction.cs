using SpApi.Core.Http;

namespace SpApi.Core.Apis.VendorTransactionStatus;

/// <summary>
/// The models' Transaction: a submission's id, status (Processing, Success or Failure) and, on Failure, the
/// errors. The Direct Fulfillment Transaction Status models define the same three properties, so
/// DirectFulfillmentTransactionsApi reads into this type too.
/// </summary>
public sealed class Transaction
{
    /// <summary>The transaction id.</summary>
    public string? TransactionId { get; set; }

    /// <summary>Processing, Success or Failure.</summary>
    public string? Status { get; set; }

    /// <summary>What went wrong, when the status is Failure.</summary>
    public List<SpApiError>? Errors { get; set; }
}
