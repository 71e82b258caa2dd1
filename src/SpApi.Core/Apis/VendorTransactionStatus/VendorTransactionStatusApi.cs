using SpApi.Core.Http;
using SpApi.Core.Operations;

namespace SpApi.Core.Apis.VendorTransactionStatus;

/// <summary>Typed call of Vendor Transaction Status v1 getTransaction: the status of a submitInvoices transaction.</summary>
public sealed class VendorTransactionStatusApi
{
    private readonly SpApiClient client;

    /// <summary>Creates the API over a client.</summary>
    public VendorTransactionStatusApi(SpApiClient client) => this.client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>Reads one transaction's status.</summary>
    public Task<Transaction> GetTransactionAsync(string transactionId, CancellationToken cancellationToken) =>
        client.GetTransactionStatusAsync(SpApiOperations.GetVendorTransaction, transactionId, cancellationToken);
}
