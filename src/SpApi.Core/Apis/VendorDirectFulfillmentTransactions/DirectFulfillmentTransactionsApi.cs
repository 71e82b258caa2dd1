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
    /// <summary>The versions; the docs call 2021-12-28 current and v1 legacy.</summary>
    public static readonly IReadOnlyList<string> Versions = new[] { "2021-12-28", "v1" };

    private readonly SpApiClient client;

    /// <summary>Creates the API over a client.</summary>
    public DirectFulfillmentTransactionsApi(SpApiClient client) => this.client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>Reads one transaction's status with the given version of the API.</summary>
    public Task<Transaction> GetTransactionStatusAsync(string transactionId, string version, CancellationToken cancellationToken)
    {
        var operation = version switch
        {
            "2021-12-28" => SpApiOperations.GetDirectFulfillmentTransactionStatus,
            "v1" => SpApiOperations.GetDirectFulfillmentTransactionStatusV1,
            _ => throw new ArgumentException($"ApiVersion must be one of {string.Join(", ", Versions)}, not '{version}'.", "ApiVersion"),
        };
        return client.GetTransactionStatusAsync(operation, transactionId, cancellationToken);
    }
}
