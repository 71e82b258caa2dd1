using SpApi.Core.Http;
using SpApi.Core.Operations;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>
/// The government invoice operations of the Tax Invoices API 2024-06-19 (Brazil): Amazon issues the NF-e
/// for a shipment asynchronously. Every value is checked before a call.
/// </summary>
public sealed class GovernmentInvoicesApi
{
    private readonly SpApiClient client;

    /// <summary>Creates the API over a client.</summary>
    public GovernmentInvoicesApi(SpApiClient client) => this.client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>The connection's client, whose send path also downloads the documents.</summary>
    internal SpApiClient Client => client;

    /// <summary>createGovernmentInvoice: asks for the invoice. Amazon answers 204 and works on it asynchronously.</summary>
    public async Task CreateGovernmentInvoiceAsync(GovernmentInvoiceRequest request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        request.Shipment.Check();
        _ = await client.SendRawAsync(new SpApiRequest(SpApiOperations.CreateGovernmentInvoice).WithJsonBody(request), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>getGovernmentInvoiceStatus. A shipment with no request is a 404 (SpApiException of Kind NotFound).</summary>
    public async Task<GovernmentInvoice> GetGovernmentInvoiceStatusAsync(GovernmentInvoiceShipment shipment, CancellationToken cancellationToken)
    {
        var request = Query(new SpApiRequest(SpApiOperations.GetGovernmentInvoiceStatus), shipment).WithQuery("shipmentId", shipment.ShipmentId);
        var response = await client.SendAsync<GovernmentInvoiceStatusResponse>(request, cancellationToken).ConfigureAwait(false);
        return new GovernmentInvoice(shipment, response);
    }

    /// <summary>getGovernmentInvoiceDocument: a URL valid for 30 seconds, so download it at once.</summary>
    public async Task<InvoiceDocument> GetGovernmentInvoiceDocumentAsync(GovernmentInvoiceShipment shipment, string fileFormat, CancellationToken cancellationToken)
    {
        var format = GovernmentInvoiceRules.FileFormat(fileFormat);
        var request = Query(new SpApiRequest(SpApiOperations.GetGovernmentInvoiceDocument), shipment)
            .WithPath("shipmentId", shipment.ShipmentId)
            .WithQuery("fileFormat", format);
        var response = await client.SendAsync<GovtInvoiceDocumentResponse>(request, cancellationToken).ConfigureAwait(false);
        return response.InvoiceDocument is { InvoiceDocumentUrl: { Length: > 0 } } document
            ? document
            : throw SpApiException.MissingInResponse(SpApiOperations.GetGovernmentInvoiceDocument, $"URL for {shipment}");
    }

    private static SpApiRequest Query(SpApiRequest request, GovernmentInvoiceShipment shipment)
    {
        if (shipment is null)
        {
            throw new ArgumentNullException(nameof(shipment));
        }

        shipment.Check();
        return request
            .WithQuery("marketplaceId", shipment.MarketplaceId)
            .WithQuery("transactionType", shipment.TransactionType)
            .WithQuery("invoiceType", shipment.InvoiceType)
            .WithQuery("inboundPlanId", shipment.InboundPlanId);
    }
}
