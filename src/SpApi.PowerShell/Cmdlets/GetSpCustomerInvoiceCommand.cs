using System.Management.Automation;
using SpApi.Core.Apis;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Workflows;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Gets Direct Fulfillment customer invoices: every invoice of a date range of any length (split into
/// 7-day windows and paged to the end), one page by hand, or the invoices of given purchase orders.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SpCustomerInvoice", DefaultParameterSetName = RangeSet, SupportsPaging = true, HelpUri = HelpLinks.Root + "Get-SpCustomerInvoice.md")]
[OutputType(typeof(CustomerInvoice), ParameterSetName = new[] { RangeSet, PurchaseOrderSet })]
[OutputType(typeof(CustomerInvoiceList), ParameterSetName = new[] { PageSet })]
public sealed class GetSpCustomerInvoiceCommand : CustomerInvoiceCmdlet
{
    /// <summary>A date range, read in full.</summary>
    public const string RangeSet = "Range";

    /// <summary>One page, for paging by hand.</summary>
    public const string PageSet = "Page";

    /// <summary>Purchase order numbers.</summary>
    public const string PurchaseOrderSet = "PurchaseOrder";

    /// <summary>Invoices that became available after this time. A DateTimeOffset, a DateTime or a date string; local time unless it carries an offset.</summary>
    [Parameter(Mandatory = true, ParameterSetName = RangeSet)]
    [Parameter(Mandatory = true, ParameterSetName = PageSet)]
    [DateArgument]
    public DateTimeOffset CreatedAfter { get; set; }

    /// <summary>Invoices that became available before this time; default now. A DateTimeOffset, a DateTime or a date string; local time unless it carries an offset.</summary>
    [Parameter(ParameterSetName = RangeSet)]
    [Parameter(ParameterSetName = PageSet)]
    [DateArgument]
    public DateTimeOffset? CreatedBefore { get; set; }

    /// <summary>The vendor warehouse id; all warehouses when not given.</summary>
    [Parameter(ParameterSetName = RangeSet)]
    [Parameter(ParameterSetName = PageSet)]
    [ValidateNotNullOrEmpty]
    public string? ShipFromPartyId { get; set; }

    /// <summary>Invoices per request (the API's limit parameter), 1 to 100.</summary>
    [Parameter(ParameterSetName = RangeSet)]
    [Parameter(ParameterSetName = PageSet)]
    [ValidateRange(1, 100)]
    public int? PageSize { get; set; }

    /// <summary>Ascending or Descending by creation date, across the whole range.</summary>
    [Parameter(ParameterSetName = RangeSet)]
    [Parameter(ParameterSetName = PageSet)]
    [ValidateSet("Ascending", "Descending")]
    [CanonicalSpelling("Ascending", "Descending")]
    public string? SortOrder { get; set; }

    /// <summary>Returns one page (a CustomerInvoiceList with its NextToken) instead of reading the range to the end.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PageSet)]
    public SwitchParameter NoAutoIteration { get; set; }

    /// <summary>The NextToken of the previous page. Give the same other parameters, including -CreatedBefore: the token belongs to its query.</summary>
    [Parameter(ParameterSetName = PageSet)]
    [ValidateNotNullOrEmpty]
    public string? NextToken { get; set; }

    /// <summary>Purchase order numbers whose invoices to get (letters and digits only).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PurchaseOrderSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] PurchaseOrderNumber { get; set; } = Array.Empty<string>();

    /// <summary>The API version: 2021-12-28 (default) or v1.</summary>
    [Parameter]
    [ValidateSet(DirectFulfillmentVersion.CurrentName, DirectFulfillmentVersion.LegacyName)]
    [CanonicalSpelling(DirectFulfillmentVersion.CurrentName, DirectFulfillmentVersion.LegacyName)]
    public string ApiVersion { get; set; } = DirectFulfillmentVersion.CurrentName;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var api = Api(ApiVersion);
        switch (ParameterSetName)
        {
            case PurchaseOrderSet:
                ForEachPurchaseOrder(api, PurchaseOrderNumber, invoice => WriteObject(invoice));
                break;
            case PageSet:
                GetPage(api);
                break;
            default:
                GetRange(api);
                break;
        }
    }

    private void GetRange(CustomerInvoicesApi api)
    {
        var query = new CustomerInvoiceRangeQuery
        {
            CreatedAfter = CreatedAfter,
            CreatedBefore = BeforeOrNow(CreatedBefore),
            ShipFromPartyId = ShipFromPartyId,
            PageSize = PageSize,
            SortOrder = Order(),
            Skip = (long)PagingParameters.Skip,
            First = PagingParameters.First == ulong.MaxValue ? null : (long)Math.Min(PagingParameters.First, long.MaxValue),
        };
        WithProgress(new ProgressRecord(1, "Get-SpCustomerInvoice", "Starting"), () => RunCoreOrTerminate(
            async (writer, ct) =>
            {
                await foreach (var invoice in CustomerInvoiceRange.ReadAsync(api, query, ProgressBar<CustomerInvoiceRangeProgress>(writer, RangeProgress.Apply), ct, writer.Warning).ConfigureAwait(false))
                {
                    writer.Object(invoice);
                }
            },
            ErrorIds.InvalidCustomerInvoiceQuery));
        if (PagingParameters.IncludeTotalCount)
        {
            // The API does not say how many invoices a range holds.
            WriteObject(PagingParameters.NewTotalCount(0, 0.0));
        }
    }

    private void GetPage(CustomerInvoicesApi api)
    {
        if (NextToken is not null && CreatedBefore is null)
        {
            Terminate(
                new ArgumentException("-NextToken needs the -CreatedBefore of the first page: a token belongs to its query, and the default (now) moves between calls.", nameof(CreatedBefore)),
                ErrorIds.InvalidCustomerInvoiceQuery);
        }

        var query = new CustomerInvoicesQuery
        {
            CreatedAfter = CreatedAfter,
            CreatedBefore = BeforeOrNow(CreatedBefore),
            ShipFromPartyId = ShipFromPartyId,
            PageSize = PageSize,
            SortOrder = Order(),
        };
        RunCoreOrTerminate(async (writer, ct) => writer.Object(await api.GetCustomerInvoicePageAsync(query, NextToken, ct).ConfigureAwait(false)), ErrorIds.InvalidCustomerInvoiceQuery);
    }

    private CustomerInvoiceSortOrder? Order() => SortOrder switch
    {
        "Ascending" => CustomerInvoiceSortOrder.ASC,
        "Descending" => CustomerInvoiceSortOrder.DESC,
        _ => null,
    };
}
