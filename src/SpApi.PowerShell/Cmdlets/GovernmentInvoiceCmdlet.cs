using System.Management.Automation;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.PowerShell.Completers;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// What the government invoice cmdlets share: the five values that name a shipment's invoice, bound by property
/// name so that CSV rows and each other's output flow from one cmdlet to the next, and their checks.
/// </summary>
public abstract class GovernmentInvoiceCmdlet : TaxInvoiceCmdlet
{
    // Empty strings bind (an empty CSV cell), so that CheckedShipment names the rule instead of the binder.

    /// <summary>The shipment, for example an FBA inbound shipment id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string ShipmentId { get; set; } = string.Empty;

    /// <summary>The inbound plan that holds the shipment; optional.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? InboundPlanId { get; set; }

    /// <summary>The marketplace: Brazil (A2Q3Y263D00KWC), the only one these operations serve.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(MarketplaceIdCompleter))]
    public string MarketplaceId { get; set; } = string.Empty;

    /// <summary>The transaction type, an option of Get-SpInvoiceAttribute in any case, for example INBOUND_SHIPMENT.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(TransactionTypeCompleter))]
    public string TransactionType { get; set; } = string.Empty;

    /// <summary>The invoice type, an option of Get-SpInvoiceAttribute in any case, for example REMITTANCE.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(InvoiceTypeCompleter))]
    public string InvoiceType { get; set; } = string.Empty;

    /// <summary>The government invoice operations over the connection in use; read it on the pipeline thread, before RunCore.</summary>
    private protected GovernmentInvoicesApi GovernmentInvoices => new(Client);

    /// <summary>
    /// The record's shipment, its types in the API's spelling; or null after a non-terminating
    /// InvalidGovernmentInvoiceParameter error, so that the next record still runs. Brazil is checked
    /// before the attributes are fetched, so another marketplace costs no call.
    /// </summary>
    private protected GovernmentInvoiceShipment? CheckedShipment()
    {
        var shipment = new GovernmentInvoiceShipment
        {
            MarketplaceId = MarketplaceId.Trim(),
            ShipmentId = ShipmentId.Trim(),
            InboundPlanId = InboundPlanId?.Trim(),
            TransactionType = TransactionType.Trim(),
            InvoiceType = InvoiceType.Trim(),
        };
        return OrWriteError(
            () =>
            {
                shipment.Check();
                GovernmentInvoiceRules.Check(shipment, Attributes(shipment.MarketplaceId));
                return shipment;
            },
            ErrorIds.InvalidGovernmentInvoiceParameter,
            ShipmentId);
    }
}
