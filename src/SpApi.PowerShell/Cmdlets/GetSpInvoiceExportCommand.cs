using System.Management.Automation;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.PowerShell.Completers;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>Gets Tax Invoices exports: one by id (from the pipeline too), or every export that matches the filters.</summary>
[Cmdlet(VerbsCommon.Get, "SpInvoiceExport", DefaultParameterSetName = ListSet, HelpUri = HelpLinks.Root + "Get-SpInvoiceExport.md")]
[OutputType(typeof(Export))]
public sealed class GetSpInvoiceExportCommand : TaxInvoiceCmdlet
{
    /// <summary>Exports that match filters.</summary>
    public const string ListSet = "List";

    /// <summary>One export by id.</summary>
    public const string ByIdSet = "ById";

    /// <summary>The export id, for example from New-SpInvoiceExport.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ExportId { get; set; }

    /// <summary>The marketplace whose exports to list; Brazil (A2Q3Y263D00KWC).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(MarketplaceIdCompleter))]
    public string? MarketplaceId { get; set; }

    /// <summary>Exports requested after this time; Amazon's default is 30 days ago. A DateTimeOffset, a DateTime or a date string; local time unless it carries an offset.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [DateArgument]
    public DateTimeOffset? DateStart { get; set; }

    /// <summary>Exports requested before this time; Amazon's default is now. A DateTimeOffset, a DateTime or a date string; local time unless it carries an offset.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [DateArgument]
    public DateTimeOffset? DateEnd { get; set; }

    /// <summary>Only exports in this status.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("REQUESTED", "PROCESSING", "DONE", "ERROR")]
    [CanonicalSpelling("REQUESTED", "PROCESSING", "DONE", "ERROR")]
    public string? Status { get; set; }

    /// <summary>Exports per request, 1 to 100.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, 100)]
    public int? PageSize { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var api = Api;
        if (ParameterSetName == ByIdSet)
        {
            RunCoreOrTerminate(async (writer, ct) => writer.Object(await api.GetInvoicesExportAsync(ExportId!, ct).ConfigureAwait(false)), ErrorIds.InvalidInvoiceQuery, ExportId);
            return;
        }

        RunCoreOrTerminate(
            async (writer, ct) =>
            {
                var pages = api.GetInvoicesExportPagesAsync(
                    MarketplaceId!, DateStart, DateEnd, Status, PageSize, ct);
                await foreach (var page in pages.ConfigureAwait(false))
                {
                    foreach (var export in page.Exports)
                    {
                        writer.Object(export);
                    }
                }
            },
            ErrorIds.InvalidInvoiceQuery);
    }
}
