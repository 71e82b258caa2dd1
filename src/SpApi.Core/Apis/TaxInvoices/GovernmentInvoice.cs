namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>
/// What New-SpGovernmentInvoice and Get-SpGovernmentInvoice output: the shipment and where its government
/// invoice request stands. Receive-SpGovernmentInvoice takes the shipment's values from it by property name.
/// </summary>
public sealed class GovernmentInvoice
{
    /// <summary>PROCESSING: what a request is once Amazon accepted it (204).</summary>
    public const string Processing = "PROCESSING";

    /// <summary>SUCCESS: the authority authorised the invoice; its document can be downloaded.</summary>
    public const string Success = "SUCCESS";

    /// <summary>ERROR: the authority refused it; InvoiceErrors says why.</summary>
    public const string Error = "ERROR";

    /// <summary>The state of the request for <paramref name="shipment"/>, as the status operation answered it.</summary>
    public GovernmentInvoice(GovernmentInvoiceShipment shipment, GovernmentInvoiceStatusResponse status)
    {
        MarketplaceId = shipment.MarketplaceId;
        ShipmentId = shipment.ShipmentId;
        InboundPlanId = shipment.InboundPlanId;
        TransactionType = shipment.TransactionType;
        InvoiceType = shipment.InvoiceType;
        Status = status.Status ?? "UNKNOWN";
        InvoiceExternalDocumentId = status.InvoiceExternalDocumentId;
        InvoiceErrors = new ReadableList<InvoiceError>(status.InvoiceErrors ?? new List<InvoiceError>());
    }

    /// <summary>The marketplace.</summary>
    public string MarketplaceId { get; }

    /// <summary>The shipment.</summary>
    public string ShipmentId { get; }

    /// <summary>The inbound plan, when given.</summary>
    public string? InboundPlanId { get; }

    /// <summary>The transaction type.</summary>
    public string TransactionType { get; }

    /// <summary>The invoice type.</summary>
    public string InvoiceType { get; }

    /// <summary>PROCESSING, SUCCESS or ERROR.</summary>
    public string Status { get; }

    /// <summary>The government invoice id (the NF-e access key), once SUCCESS.</summary>
    public string? InvoiceExternalDocumentId { get; }

    /// <summary>Why the request ended in ERROR.</summary>
    public ReadableList<InvoiceError> InvoiceErrors { get; }

    /// <summary>The shipment's values, to ask about this request again.</summary>
    public GovernmentInvoiceShipment Shipment() => new()
    {
        MarketplaceId = MarketplaceId,
        ShipmentId = ShipmentId,
        InboundPlanId = InboundPlanId,
        TransactionType = TransactionType,
        InvoiceType = InvoiceType,
    };

    /// <inheritdoc />
    public override string ToString() => $"{ShipmentId} {InvoiceType} ({Status})";
}
