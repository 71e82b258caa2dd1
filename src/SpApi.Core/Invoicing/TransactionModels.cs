using SpApi.Core.Http;

namespace SpApi.Core.Invoicing;

/// <summary>The models' Transaction: a submission's id, status (Processing, Success or Failure) and, on Failure, the errors.</summary>
public sealed class Transaction
{
    /// <summary>The transaction id.</summary>
    public string? TransactionId { get; set; }

    /// <summary>Processing, Success or Failure.</summary>
    public string? Status { get; set; }

    /// <summary>What went wrong, when the status is Failure.</summary>
    public List<SpApiError>? Errors { get; set; }
}

/// <summary>The body of every transaction-status response: {"transactionStatus": Transaction} (wrapped in payload by the v1 APIs).</summary>
internal sealed class TransactionStatusBody
{
    public Transaction? TransactionStatus { get; set; }
}

/// <summary>The payload of both submit responses: the model's TransactionId (vendor) and TransactionReference (Direct Fulfillment).</summary>
internal sealed class TransactionReference
{
    public string? TransactionId { get; set; }
}
