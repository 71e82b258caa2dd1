using SpApi.Core.Http;
using SpApi.Core.Operations;

namespace SpApi.Core.Apis.VendorInvoices;

/// <summary>
/// Typed call of Vendor Retail Procurement Payments v1 submitInvoices. A POST: the request path never
/// re-sends it after a failure that leaves its fate open (a 5xx, a dropped connection, a timeout).
/// </summary>
public sealed class VendorInvoicesApi
{
    private readonly SpApiClient client;

    /// <summary>Creates the API over a client.</summary>
    public VendorInvoicesApi(SpApiClient client) => this.client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>Sends submitInvoices and returns the response's transactionId (null or empty when Amazon left it out).</summary>
    public async Task<string?> SubmitInvoicesAsync(SubmitInvoicesRequest body, CancellationToken cancellationToken)
    {
        var request = new SpApiRequest(SpApiOperations.SubmitVendorInvoices).WithJsonBody(body);
        var result = await client.SendAsync<SubmitInvoicesResult>(request, cancellationToken).ConfigureAwait(false);
        return result.TransactionId;
    }
}
