using System.Management.Automation;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.PowerShell.Completers;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>Gets the Tax Invoices attribute options of a marketplace: statuses, invoice types, transaction types and identifier names.</summary>
[Cmdlet(VerbsCommon.Get, "SpInvoiceAttribute", HelpUri = HelpLinks.Root + "Get-SpInvoiceAttribute.md")]
[OutputType(typeof(InvoicesAttributes))]
public sealed class GetSpInvoiceAttributeCommand : TaxInvoiceCmdlet
{
    /// <summary>The marketplace; the Tax Invoices API serves Brazil (A2Q3Y263D00KWC).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(MarketplaceIdCompleter))]
    public string MarketplaceId { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        WriteObject(OrTerminate(() => Attributes(MarketplaceId), ErrorIds.InvalidInvoiceQuery, MarketplaceId));
}
