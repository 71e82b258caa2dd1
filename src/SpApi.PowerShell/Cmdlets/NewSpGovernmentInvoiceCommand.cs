using System.Management.Automation;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Workflows;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Asks Amazon to issue the government invoice (the NF-e) of a shipment (createGovernmentInvoice), once:
/// the shipment's status is read first, and a request already PROCESSING or SUCCESS is passed on instead of
/// sending another. Pipe CSV rows in and the result to Receive-SpGovernmentInvoice.
/// </summary>
[Cmdlet(VerbsCommon.New, "SpGovernmentInvoice", SupportsShouldProcess = true, HelpUri = HelpLinks.Root + "New-SpGovernmentInvoice.md")]
[OutputType(typeof(GovernmentInvoice))]
public sealed class NewSpGovernmentInvoiceCommand : GovernmentInvoiceCmdlet
{
    /// <summary>The carrier's name, as registered with the tax authorities (the model's name).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [AllowEmptyString]
    [AllowNull]
    public string? CarrierName { get; set; }

    /// <summary>The carrier's address, as registered with the tax authorities (the model's address).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Address")]
    [AllowEmptyString]
    [AllowNull]
    public string? CarrierAddress { get; set; }

    /// <summary>The carrier's tax identification number, CNPJ or CPF (the model's federalTaxId).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("FederalTaxId")]
    [AllowEmptyString]
    [AllowNull]
    public string? CarrierFederalTaxId { get; set; }

    /// <summary>The federal subdivision the carrier is registered in, for example SP (the model's regionCode).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("RegionCode")]
    [AllowEmptyString]
    [AllowNull]
    public string? CarrierRegionCode { get; set; }

    /// <summary>The carrier's regional tax registration number (the model's regionTaxId).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("RegionTaxId")]
    [AllowEmptyString]
    [AllowNull]
    public string? CarrierRegionTaxId { get; set; }

    /// <summary>The vehicle's registration plate, for example AAA0A00 (the model's vehicleLicensePlate).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? VehicleLicensePlate { get; set; }

    /// <summary>The federal subdivision the vehicle is registered in (the model's vehicleRegistrationRegionCode).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? VehicleRegistrationRegionCode { get; set; }

    /// <summary>Sends the request without reading the status first: a new request even when one is PROCESSING, SUCCESS or ERROR.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (CheckedShipment() is not { } shipment)
        {
            return;
        }

        var request = new GovernmentInvoiceRequest(shipment, Carrier());
        var api = GovernmentInvoices;
        if (!Force.IsPresent)
        {
            GovernmentInvoice? existing = null;
            var read = OrWriteError(
                () => { existing = RunCore((_, ct) => GovernmentInvoiceRequester.FindExistingAsync(api, shipment, ct)); },
                ErrorIds.InvalidGovernmentInvoiceParameter,
                ShipmentId);
            if (!read)
            {
                return;
            }

            if (existing is not null)
            {
                var document = existing.InvoiceExternalDocumentId is { } id ? $", NF-e {id}" : string.Empty;
                WriteWarning($"A government invoice request for {shipment} already exists ({existing.Status}{document}): no new request was sent, and the existing one is passed on. -Force sends a new one.");
                WriteObject(existing);
                return;
            }
        }

        if (!ShouldProcess(shipment.ToString(), "Request a government invoice (NF-e)"))
        {
            return;
        }

        var sent = OrWriteError(
            () => RunCore((_, ct) => GovernmentInvoiceRequester.SendAsync(api, request, ct)),
            ErrorIds.InvalidGovernmentInvoiceParameter,
            ShipmentId);
        if (sent is not null)
        {
            WriteObject(sent);
        }
    }

    // An empty CSV cell is no value.
    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    private CarrierDetailsContext Carrier() => new()
    {
        Name = Value(CarrierName),
        Address = Value(CarrierAddress),
        FederalTaxId = Value(CarrierFederalTaxId),
        RegionCode = Value(CarrierRegionCode),
        RegionTaxId = Value(CarrierRegionTaxId),
        VehicleLicensePlate = Value(VehicleLicensePlate),
        VehicleRegistrationRegionCode = Value(VehicleRegistrationRegionCode),
    };
}
