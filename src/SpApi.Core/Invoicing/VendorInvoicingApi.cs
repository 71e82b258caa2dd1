using System.Text.Json;
using SpApi.Core.Apis;
using SpApi.Core.Apis.VendorDirectFulfillmentPayments;
using SpApi.Core.Apis.VendorDirectFulfillmentTransactions;
using SpApi.Core.Apis.VendorInvoices;
using SpApi.Core.Apis.VendorTransactionStatus;
using SpApi.Core.Http;
using SpApi.Core.Json;

namespace SpApi.Core.Invoicing;

/// <summary>
/// Invoice submission's view of its four APIs: it sends a batch to the submit operation of the batch's API
/// (vendor submitInvoices or Direct Fulfillment submitInvoice) and reads a transaction from the status API
/// that belongs to it. The calls themselves are in Apis/; this class only chooses between them.
/// </summary>
public sealed class VendorInvoicingApi
{
    private readonly VendorInvoicesApi vendorInvoices;
    private readonly DirectFulfillmentPaymentsApi directFulfillmentPayments;
    private readonly VendorTransactionStatusApi vendorTransactions;
    private readonly DirectFulfillmentTransactionsApi directFulfillmentTransactions;

    /// <summary>Creates the API over a client.</summary>
    public VendorInvoicingApi(SpApiClient client)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        Client = client;
        vendorInvoices = new VendorInvoicesApi(client);
        directFulfillmentPayments = new DirectFulfillmentPaymentsApi(client);
        vendorTransactions = new VendorTransactionStatusApi(client);
        directFulfillmentTransactions = new DirectFulfillmentTransactionsApi(client);
    }

    /// <summary>The connection's client; its rate limiters pace the transaction wait's default interval.</summary>
    internal SpApiClient Client { get; }

    /// <summary>Sends one batch and returns the transaction id.</summary>
    public async Task<string> SubmitAsync(InvoiceBatch batch, CancellationToken cancellationToken)
    {
        var transactionId = batch.Api == InvoiceApi.DirectFulfillment
            ? await directFulfillmentPayments.SubmitInvoiceAsync(new SubmitInvoiceRequest { Invoices = batch.Invoices.Cast<InvoiceDetail>().ToList() }, cancellationToken).ConfigureAwait(false)
            : await vendorInvoices.SubmitInvoicesAsync(new SubmitInvoicesRequest { Invoices = batch.Invoices.Cast<Invoice>().ToList() }, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(transactionId)
            ? throw new SpApiException(
                $"{batch.Operation.Name} was accepted but the response has no transactionId; the invoices {string.Join(", ", batch.InvoiceIds)} may have been received. Check them in Vendor Central before you send them again.",
                batch.Operation.Name, SpApiFailureKind.InvalidResponse, requestMayHaveBeenProcessed: true)
            {
                OutcomeUnknownCause = "Amazon accepted the request, but its answer has no transactionId",
            }
            : transactionId!;
    }

    /// <summary>Reads a transaction's status from the API it belongs to.</summary>
    public Task<Transaction> GetTransactionAsync(InvoiceApi api, string transactionId, DirectFulfillmentVersion directFulfillmentVersion, CancellationToken cancellationToken) =>
        api == InvoiceApi.Vendor
            ? vendorTransactions.GetTransactionAsync(transactionId, cancellationToken)
            : directFulfillmentTransactions.GetTransactionStatusAsync(transactionId, directFulfillmentVersion, cancellationToken);

    /// <summary>The size of an invoice in a request body, in UTF-8 bytes.</summary>
    internal static int SizeOf(object invoice) => JsonSerializer.SerializeToUtf8Bytes(invoice, invoice.GetType(), SpApiJson.Options).Length;
}
