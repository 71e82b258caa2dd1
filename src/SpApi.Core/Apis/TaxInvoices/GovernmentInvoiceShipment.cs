namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>
/// What names one government invoice in all three operations: the marketplace, the shipment, its inbound plan
/// and the transaction and invoice types. Amazon keys a request by these, so they also tell whether one exists.
/// </summary>
public sealed class GovernmentInvoiceShipment
{
    /// <summary>The marketplace: Brazil (A2Q3Y263D00KWC).</summary>
    public string MarketplaceId { get; set; } = string.Empty;

    /// <summary>The shipment, for example an FBA inbound shipment id.</summary>
    public string ShipmentId { get; set; } = string.Empty;

    /// <summary>The inbound plan the shipment belongs to; optional.</summary>
    public string? InboundPlanId { get; set; }

    /// <summary>The transaction type (getInvoicesAttributes), for example INBOUND_SHIPMENT.</summary>
    public string TransactionType { get; set; } = string.Empty;

    /// <summary>The invoice type (getInvoicesAttributes), for example REMITTANCE.</summary>
    public string InvoiceType { get; set; } = string.Empty;

    /// <summary>
    /// Throws ArgumentException, named after the parameter, when a required value is empty or the marketplace
    /// is not Brazil (UnsupportedMarketplaceException). An empty InboundPlanId (an empty CSV cell) becomes none.
    /// </summary>
    public void Check()
    {
        Required(MarketplaceId, "MarketplaceId");
        TaxInvoicesApi.CheckMarketplace(MarketplaceId);

        Required(ShipmentId, "ShipmentId");
        Required(TransactionType, "TransactionType");
        Required(InvoiceType, "InvoiceType");
        if (string.IsNullOrWhiteSpace(InboundPlanId))
        {
            InboundPlanId = null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"shipment {ShipmentId} ({TransactionType} {InvoiceType})";

    private static void Required(string? value, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{parameterName} is required for a government invoice and must not be empty.", parameterName);
        }
    }
}
