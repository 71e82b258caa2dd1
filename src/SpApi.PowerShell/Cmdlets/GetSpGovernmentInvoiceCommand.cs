using System.Management.Automation;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Gets where a shipment's government invoice request stands (getGovernmentInvoiceStatus): PROCESSING,
/// SUCCESS with the NF-e id, or ERROR with Amazon's invoiceErrors. Takes the shipment's values by property name.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SpGovernmentInvoice", HelpUri = HelpLinks.Root + "Get-SpGovernmentInvoice.md")]
[OutputType(typeof(GovernmentInvoice))]
public sealed class GetSpGovernmentInvoiceCommand : GovernmentInvoiceCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (CheckedShipment() is not { } shipment)
        {
            return;
        }

        var api = GovernmentInvoices;
        RunCoreOrWriteError(
            async (writer, ct) => writer.Object(await api.GetGovernmentInvoiceStatusAsync(shipment, ct).ConfigureAwait(false)),
            ErrorIds.InvalidGovernmentInvoiceParameter,
            ShipmentId);
    }
}
