using System.Runtime.CompilerServices;
using SpApi.Core.Apis.FinancesInvoices;

namespace SpApi.Core.Workflows;

/// <summary>What Get-SpVendorInvoice asks for: invoice headers of a marketplace over an issue-date range of any length.</summary>
public sealed class VendorInvoiceHeaderRangeQuery
{
    /// <summary>The marketplace (required).</summary>
    public string MarketplaceId { get; set; } = string.Empty;

    /// <summary>Invoices issued after this time; with <see cref="IssuedBefore"/> or not at all (then Amazon's last 90 days).</summary>
    public DateTimeOffset? IssuedAfter { get; set; }

    /// <summary>Invoices issued before this time; with <see cref="IssuedAfter"/> or not at all.</summary>
    public DateTimeOffset? IssuedBefore { get; set; }

    /// <summary>Only invoices Amazon changed after this time (invoicesModifiedAfter).</summary>
    public DateTimeOffset? ModifiedAfter { get; set; }

    /// <summary>Only invoices in these statuses, any case; applied here, since the API has no status filter.</summary>
    public IReadOnlyCollection<string>? Statuses { get; set; }
}

/// <summary>Where a header range read stands, for Write-Progress.</summary>
public readonly record struct VendorInvoiceHeaderRangeProgress(int WindowsDone, int WindowsTotal, long Headers);

/// <summary>
/// Reads the headers of an issue-date range of any length: split into the 90-day windows getInvoiceHeaders
/// accepts, each paged to its end and streamed as it arrives. Consecutive windows overlap by one second
/// (Amazon does not say whether its ends are inclusive), and a header seen in the previous window is dropped.
/// </summary>
public static class VendorInvoiceHeaderRange
{
    /// <summary>The windows of a range, oldest first; one open window (no dates) when neither end is given.</summary>
    public static IReadOnlyList<(DateTimeOffset? From, DateTimeOffset? To)> Plan(DateTimeOffset? issuedAfter, DateTimeOffset? issuedBefore)
    {
        if (issuedAfter.HasValue != issuedBefore.HasValue)
        {
            throw new ArgumentException(
                $"-IssuedAfter and -IssuedBefore go together: give both, or neither for Amazon's default of the last 90 days ({(issuedAfter.HasValue ? "-IssuedBefore" : "-IssuedAfter")} is missing).",
                issuedAfter.HasValue ? "IssuedBefore" : "IssuedAfter");
        }

        if (issuedAfter is not { } start || issuedBefore is not { } end)
        {
            return new (DateTimeOffset?, DateTimeOffset?)[] { (null, null) };
        }

        if (end <= start)
        {
            throw new ArgumentException($"IssuedBefore ({end:u}) must be later than IssuedAfter ({start:u}).", "IssuedBefore");
        }

        return CustomerInvoiceWindows.Split(start, end, InvoiceHeadersQuery.MaxIssueWindow, newestFirst: false)
            .Select(w => ((DateTimeOffset?)w.CreatedAfter, (DateTimeOffset?)w.CreatedBefore))
            .ToList();
    }

    /// <summary>Streams the headers of the range, window by window, page by page.</summary>
    public static async IAsyncEnumerable<InvoiceHeader> ReadAsync(
        FinancesInvoicesApi api,
        VendorInvoiceHeaderRangeQuery query,
        IProgress<VendorInvoiceHeaderRangeProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var statuses = query.Statuses is null ? null : new HashSet<string>(InvoiceStatuses.Normalize(query.Statuses, "Status"), StringComparer.Ordinal);
        var windows = Plan(query.IssuedAfter, query.IssuedBefore);
        var previousWindow = new HashSet<string>(StringComparer.Ordinal);
        long returned = 0;
        for (var i = 0; i < windows.Count; i++)
        {
            progress?.Report(new VendorInvoiceHeaderRangeProgress(i, windows.Count, returned));
            var thisWindow = new HashSet<string>(StringComparer.Ordinal);
            var window = new InvoiceHeadersQuery
            {
                MarketplaceId = query.MarketplaceId,
                FromIssueDate = windows[i].From,
                ToIssueDate = windows[i].To,
                InvoicesModifiedAfter = query.ModifiedAfter,
            };
            await foreach (var page in api.GetInvoiceHeaderPagesAsync(window, cancellationToken).ConfigureAwait(false))
            {
                foreach (var header in page.Invoices)
                {
                    var key = header.InvoiceIdentifier ?? header.InvoiceNumber ?? string.Empty;
                    if (!thisWindow.Add(key) || previousWindow.Contains(key))
                    {
                        continue;
                    }

                    if (statuses is null || (header.InvoiceStatus is { } status && statuses.Contains(status)))
                    {
                        returned++;
                        yield return header;
                    }
                }
            }

            previousWindow = thisWindow;
        }

        progress?.Report(new VendorInvoiceHeaderRangeProgress(windows.Count, windows.Count, returned));
    }
}
