using System.Text.Json;
using SpApi.Core.Apis.VendorDirectFulfillmentPayments;
using SpApi.Core.Apis.VendorInvoices;
using SpApi.Core.Http;
using SpApi.Core.Json;
using SpApi.Core.Operations;

namespace SpApi.Core.Invoicing;

/// <summary>
/// The calls of invoice submission: submitInvoices (vendor), submitInvoice (Direct Fulfillment) and the
/// transaction-status operations that follow them. The submits are POSTs: the request path never re-sends
/// them after a failure that leaves their fate open (a 5xx, a dropped connection, a timeout).
/// </summary>
public sealed class VendorInvoicingApi
{
    /// <summary>The Direct Fulfillment Transaction Status versions; the docs call 2021-12-28 current and v1 legacy.</summary>
    public static readonly IReadOnlyList<string> DirectFulfillmentVersions = new[] { "2021-12-28", "v1" };

    private readonly SpApiClient client;

    /// <summary>Creates the API over a client.</summary>
    public VendorInvoicingApi(SpApiClient client) => this.client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>Sends one batch and returns the transaction id.</summary>
    public async Task<string> SubmitAsync(InvoiceBatch batch, CancellationToken cancellationToken)
    {
        var request = new SpApiRequest(batch.Operation);
        request = batch.Api == InvoiceApi.DirectFulfillment
            ? request.WithJsonBody(new SubmitInvoiceRequest { Invoices = batch.Invoices.Cast<InvoiceDetail>().ToList() })
            : request.WithJsonBody(new SubmitInvoicesRequest { Invoices = batch.Invoices.Cast<Invoice>().ToList() });
        var reference = await client.SendAsync<TransactionReference>(request, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(reference.TransactionId)
            ? throw new SpApiException(
                $"{request.Operation.Name} was accepted but the response has no transactionId; the invoices {string.Join(", ", batch.InvoiceIds)} may have been received. Check them in Vendor Central before you send them again.",
                request.Operation.Name, SpApiFailureKind.InvalidResponse, requestMayHaveBeenProcessed: true)
            : reference.TransactionId!;
    }

    /// <summary>Reads a transaction's status from the API it belongs to.</summary>
    public async Task<Transaction> GetTransactionAsync(InvoiceApi api, string transactionId, string directFulfillmentVersion, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(transactionId))
        {
            throw new ArgumentException("TransactionId must not be empty.", "TransactionId");
        }

        var operation = api switch
        {
            InvoiceApi.Vendor => SpApiOperations.GetVendorTransaction,
            _ when directFulfillmentVersion == "v1" => SpApiOperations.GetDirectFulfillmentTransactionStatusV1,
            _ when directFulfillmentVersion == "2021-12-28" => SpApiOperations.GetDirectFulfillmentTransactionStatus,
            _ => throw new ArgumentException($"ApiVersion must be one of {string.Join(", ", DirectFulfillmentVersions)}, not '{directFulfillmentVersion}'.", "ApiVersion"),
        };
        var body = await client.SendAsync<TransactionStatusBody>(new SpApiRequest(operation).WithPath("transactionId", transactionId), cancellationToken).ConfigureAwait(false);
        return body.TransactionStatus ?? throw SpApiException.MissingInResponse(operation, $"transactionStatus for {transactionId}");
    }

    /// <summary>The size of an invoice in a request body, in UTF-8 bytes.</summary>
    internal static int SizeOf(object invoice) => JsonSerializer.SerializeToUtf8Bytes(invoice, invoice.GetType(), SpApiJson.Options).Length;
}
