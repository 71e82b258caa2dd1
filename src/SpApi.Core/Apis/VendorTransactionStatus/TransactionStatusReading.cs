using SpApi.Core.Http;
using SpApi.Core.Operations;

namespace SpApi.Core.Apis.VendorTransactionStatus;

/// <summary>The one request of every transaction-status operation, vendor and Direct Fulfillment alike.</summary>
internal static class TransactionStatusReading
{
    /// <summary>Sends the operation for one transaction id and returns its Transaction, which must be present.</summary>
    internal static async Task<Transaction> GetTransactionStatusAsync(
        this SpApiClient client, OperationDescriptor operation, string transactionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(transactionId))
        {
            throw new ArgumentException("TransactionId must not be empty.", "TransactionId");
        }

        var request = new SpApiRequest(operation).WithPath("transactionId", transactionId);
        var body = await client.SendAsync<TransactionStatusBody>(request, cancellationToken).ConfigureAwait(false);
        return body.TransactionStatus ?? throw SpApiException.MissingInResponse(operation, $"transactionStatus for {transactionId}");
    }
}
