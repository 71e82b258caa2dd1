using System.Management.Automation;
using SpApi.Core.Apis.FinancesInvoices;
using SpApi.Core.Http;
using SpApi.Core.Workflows;
using SpApi.PowerShell.Completers;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Gets Amazon's own record of vendor invoices (Finances Invoices 2026-06-25): the headers of a marketplace,
/// with their status and settlement, over an issue-date range of any length (split into 90-day requests),
/// or one invoice by its identifier, with every line when -IncludeLine is given.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SpVendorInvoice", DefaultParameterSetName = HeadersSet, HelpUri = HelpLinks.Root + "Get-SpVendorInvoice.md")]
[OutputType(typeof(InvoiceHeader), ParameterSetName = new[] { HeadersSet, ByIdSet, ByNumberSet })]
[OutputType(typeof(GetInvoiceResponse), ParameterSetName = new[] { ByIdSet, ByNumberSet })]
public sealed class GetSpVendorInvoiceCommand : ConnectedCmdlet
{
    /// <summary>The headers of a marketplace.</summary>
    public const string HeadersSet = "Headers";

    /// <summary>One invoice by its identifier.</summary>
    public const string ByIdSet = "ById";

    /// <summary>One invoice by its number and payee code.</summary>
    public const string ByNumberSet = "ByNumber";

    /// <summary>The marketplace of the invoices, for example ATVPDKIKX0DER. Headers this cmdlet wrote carry it, so they bind it when piped.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(MarketplaceIdCompleter))]
    public string MarketplaceId { get; set; } = string.Empty;

    /// <summary>Invoices issued after this time; with -IssuedBefore. Without both, Amazon returns the last 90 days.</summary>
    [Parameter(ParameterSetName = HeadersSet)]
    [DateArgument]
    public DateTimeOffset? IssuedAfter { get; set; }

    /// <summary>Invoices issued before this time; with -IssuedAfter. A range longer than 90 days is read in 90-day requests.</summary>
    [Parameter(ParameterSetName = HeadersSet)]
    [DateArgument]
    public DateTimeOffset? IssuedBefore { get; set; }

    /// <summary>Only invoices Amazon changed after this time.</summary>
    [Parameter(ParameterSetName = HeadersSet)]
    [DateArgument]
    public DateTimeOffset? ModifiedAfter { get; set; }

    /// <summary>Only invoices in these statuses, any case. The API has no status filter, so the module filters the headers it reads.</summary>
    [Parameter(ParameterSetName = HeadersSet)]
    [ValidateNotNullOrEmpty]
    [ValidateSet("IN_PROGRESS", "REJECTED", "PARTIALLY_PAID", "PARTIALLY_DEDUCTED", "PAID", "DEDUCTED")]
    [CanonicalSpelling("IN_PROGRESS", "REJECTED", "PARTIALLY_PAID", "PARTIALLY_DEDUCTED", "PAID", "DEDUCTED")]
    public string[]? Status { get; set; }

    /// <summary>The invoice's identifier, as its header's InvoiceIdentifier gives it; for AP-Inventory InvoiceNumber~PayeeCode.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [Alias("InvoiceIdentifier")]
    [ValidateNotNullOrEmpty]
    public string? InvoiceId { get; set; }

    /// <summary>With -PayeeCode: the invoice number, for an AP-Inventory invoice.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByNumberSet)]
    [ValidateNotNullOrEmpty]
    public string? InvoiceNumber { get; set; }

    /// <summary>With -InvoiceNumber: the payee (vendor) code the invoice was sent under.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByNumberSet)]
    [ValidateNotNullOrEmpty]
    public string? PayeeCode { get; set; }

    /// <summary>Returns the invoice with all its lines (a GetInvoiceResponse, read 600 lines a request) instead of its header.</summary>
    [Parameter(ParameterSetName = ByIdSet)]
    [Parameter(ParameterSetName = ByNumberSet)]
    public SwitchParameter IncludeLine { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var api = new FinancesInvoicesApi(Client);
        switch (ParameterSetName)
        {
            case ByIdSet:
                GetOne(api, () => InvoiceId!);
                break;
            case ByNumberSet:
                GetOne(api, () => InvoiceIdentifiers.Build(InvoiceNumber!, PayeeCode!));
                break;
            default:
                GetHeaders(api);
                break;
        }
    }

    private void GetHeaders(FinancesInvoicesApi api)
    {
        var query = new VendorInvoiceHeaderRangeQuery
        {
            MarketplaceId = MarketplaceId,
            IssuedAfter = IssuedAfter,
            IssuedBefore = IssuedBefore,
            ModifiedAfter = ModifiedAfter,
            Statuses = Status,
        };
        WithProgress(new ProgressRecord(1, "Get-SpVendorInvoice", "Starting"), () => RunCoreOrTerminate(
            async (writer, ct) =>
            {
                await foreach (var header in VendorInvoiceHeaderRange.ReadAsync(api, query, ProgressBar<VendorInvoiceHeaderRangeProgress>(writer, ShowProgress), ct).ConfigureAwait(false))
                {
                    writer.Object(header);
                }
            },
            ErrorIds.InvalidVendorInvoiceQuery,
            MarketplaceId));
    }

    /// <summary>
    /// One invoice: a malformed identifier (checked before any call) or one Amazon does not know is a
    /// non-terminating error, so the next piped invoice still runs; other failures stop the command.
    /// </summary>
    private void GetOne(FinancesInvoicesApi api, Func<string> identifier)
    {
        var target = InvoiceId ?? InvoiceNumber;
        try
        {
            var id = identifier();
            target = id;
            InvoiceIdentifiers.Check(id, "InvoiceId");
            if (IncludeLine)
            {
                WriteObject(RunCore((_, ct) => api.GetInvoiceAsync(MarketplaceId, id, ct)));
            }
            else
            {
                WriteObject(RunCore((_, ct) => api.GetInvoiceHeaderAsync(MarketplaceId, id, ct)));
            }
        }
        catch (Exception ex) when ((ex is ArgumentException && !PowerShellFailure.Is(ex)) || ex is SpApiException { Kind: SpApiFailureKind.NotFound })
        {
            WriteError(ToErrorRecord(ex, ErrorIds.InvalidVendorInvoiceQuery, target));
        }
        catch (Exception ex) when (!PowerShellFailure.Is(ex))
        {
            Terminate(ex, ErrorIds.InvalidVendorInvoiceQuery, target);
            throw; // Not reached: ThrowTerminatingError always throws.
        }
    }

    private static void ShowProgress(ProgressRecord record, VendorInvoiceHeaderRangeProgress progress)
    {
        var window = Math.Min(progress.WindowsDone + 1, progress.WindowsTotal);
        record.StatusDescription = $"Window {window} of {progress.WindowsTotal}, {progress.Headers} invoices so far";
        record.PercentComplete = progress.WindowsDone * 100 / progress.WindowsTotal;
        record.CurrentOperation = null;
    }
}
