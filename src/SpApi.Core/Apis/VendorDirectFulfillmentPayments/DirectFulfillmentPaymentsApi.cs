using SpApi.Core.Http;
using SpApi.Core.Operations;

namespace SpApi.Core.Apis.VendorDirectFulfillmentPayments;

/// <summary>
/// Typed call of Vendor Direct Fulfillment Payments v1 submitInvoice. A POST: the request path never
/// re-sends it after a failure that leaves its fate open (a 5xx, a dropped connection, a timeout).
/// </summary>
public sealed class DirectFulfillmentPaymentsApi
{
    private readonly SpApiClient client;

    /// <summary>Creates the API over a client.</summary>
    public DirectFulfillmentPaymentsApi(SpApiClient client) => this.client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>Sends submitInvoice and returns the response's transactionId (null or empty when Amazon left it out).</summary>
    public async Task<string?> SubmitInvoiceAsync(SubmitInvoiceRequest body, CancellationToken cancellationToken)
    {
        var request = new SpApiRequest(SpApiOperations.SubmitDirectFulfillmentInvoice).WithJsonBody(body);
        var reference = await client.SendAsync<TransactionReference>(request, cancellationToken).ConfigureAwait(false);
        return reference.TransactionId;
    }
}
