using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's GovernmentInvoiceRequest: the body of createGovernmentInvoice.</summary>
public sealed class GovernmentInvoiceRequest
{
    /// <summary>The request for a shipment, with its carrier when one is given.</summary>
    public GovernmentInvoiceRequest(GovernmentInvoiceShipment shipment, CarrierDetailsContext? carrier)
    {
        Shipment = shipment ?? throw new ArgumentNullException(nameof(shipment));
        Contexts = carrier is null || carrier.IsEmpty ? null : new List<CarrierDetailsContext> { carrier };
    }

    /// <summary>The shipment the invoice is for.</summary>
    [JsonIgnore]
    public GovernmentInvoiceShipment Shipment { get; }

    /// <summary>The marketplace (required).</summary>
    [JsonPropertyName("marketplaceId")]
    public string MarketplaceId => Shipment.MarketplaceId;

    /// <summary>The shipment (required).</summary>
    [JsonPropertyName("shipmentId")]
    public string ShipmentId => Shipment.ShipmentId;

    /// <summary>The inbound plan, when given.</summary>
    [JsonPropertyName("inboundPlanId")]
    public string? InboundPlanId => Shipment.InboundPlanId;

    /// <summary>The transaction type (required).</summary>
    [JsonPropertyName("transactionType")]
    public string TransactionType => Shipment.TransactionType;

    /// <summary>The invoice type (required).</summary>
    [JsonPropertyName("invoiceType")]
    public string InvoiceType => Shipment.InvoiceType;

    /// <summary>Additional information: the carrier, when given.</summary>
    [JsonPropertyName("contexts")]
    public List<CarrierDetailsContext>? Contexts { get; }
}
