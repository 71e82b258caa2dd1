using SpApi.Core.Apis.VendorTransactionStatus;
using SpApi.Core.Http;
using SpApi.Core.Operations;

namespace SpApi.Core.Apis.VendorDirectFulfillmentTransactions;

/// <summary>
/// Typed call of Vendor Direct Fulfillment Transaction Status getTransactionStatus, 2021-12-28 or v1: the
/// status of a submitInvoice transaction.
/// </summary>
public sealed class DirectFulfillmentTransactionsApi
{
    private readonly SpApiClient client;

    /// <summary>Creates the API over a client.</summary>
    public DirectFulfillmentTransactionsApi(SpApiClient client) => this.client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>Reads one transaction's status with the given version of the API.</summary>
    public Task<Transaction> GetTransactionStatusAsync(string transactionId, DirectFulfillmentVersion version, CancellationToken cancellationToken)
    {
        var operation = version == DirectFulfillmentVersion.Legacy
            ? SpApiOperations.GetDirectFulfillmentTransactionStatusV1
            : SpApiOperations.GetDirectFulfillmentTransactionStatus;
        return client.GetTransactionStatusAsync(operation, transactionId, cancellationToken);
    }
}
