using SpApi.Core.Apis.TaxInvoices;
using SpApi.Sandbox;
using SpApi.Tests.Support;

namespace SpApi.Tests.TaxInvoices;

/// <summary>A sandbox whose government invoice requests finish at once, and the shipments the tests ask about.</summary>
internal static class GovernmentSandbox
{
    public const string Brazil = "A2Q3Y263D00KWC";

    /// <summary>Starts it; at the default 1000x the one-a-minute limits are one every 60 ms.</summary>
    public static Task<SandboxHarness> StartAsync(Action<SandboxOptions>? configure = null, double scale = 1000) =>
        SandboxHarness.StartAsync(
            o =>
            {
                o.GovernmentInvoiceDelay = TimeSpan.Zero;
                configure?.Invoke(o);
            },
            scale);

    /// <summary>An FBA inbound shipment as the model's sandbox vectors name one.</summary>
    public static GovernmentInvoiceShipment Shipment(string shipmentId = "sh109b72-7b27-4e97-9fd1-3b56915fbc95") => new()
    {
        MarketplaceId = Brazil,
        ShipmentId = shipmentId,
        InboundPlanId = "wf44e473-3f4d-4c6d-a80b-230e644b0c39",
        TransactionType = "INBOUND_SHIPMENT",
        InvoiceType = "REMITTANCE",
    };

    /// <summary>The carrier of the model's example.</summary>
    public static CarrierDetailsContext Carrier() => new()
    {
        Name = "testCarrier",
        Address = "An address",
        FederalTaxId = "46204217000177",
        RegionCode = "SP",
        RegionTaxId = "503348865972",
        VehicleLicensePlate = "AAA0A00",
        VehicleRegistrationRegionCode = "SP",
    };
}
