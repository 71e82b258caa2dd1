using SpApi.Core.Endpoints;

namespace SpApi.Core.Apis.FinancesInvoices;

/// <summary>The query of one getInvoiceHeaders request (its pages follow nextToken).</summary>
public sealed class InvoiceHeadersQuery
{
    /// <summary>The longest issue-date range one request may ask for.</summary>
    public static readonly TimeSpan MaxIssueWindow = TimeSpan.FromDays(90);

    /// <summary>The marketplace (required).</summary>
    public string MarketplaceId { get; set; } = string.Empty;

    /// <summary>fromIssueDate: with <see cref="ToIssueDate"/> or not at all; Amazon's default is 90 days before the request.</summary>
    public DateTimeOffset? FromIssueDate { get; set; }

    /// <summary>toIssueDate: with <see cref="FromIssueDate"/> or not at all; Amazon's default is the time of the request.</summary>
    public DateTimeOffset? ToIssueDate { get; set; }

    /// <summary>invoicesModifiedAfter: only invoices changed after this time.</summary>
    public DateTimeOffset? InvoicesModifiedAfter { get; set; }

    /// <summary>Refuses what getInvoiceHeaders refuses: one date without the other, an empty or reversed range, more than 90 days.</summary>
    public void Validate()
    {
        Marketplace.Get(MarketplaceId, "MarketplaceId");
        if (FromIssueDate.HasValue != ToIssueDate.HasValue)
        {
            throw new ArgumentException(
                "FromIssueDate and ToIssueDate go together: getInvoiceHeaders takes both or neither (neither means the last 90 days).",
                FromIssueDate.HasValue ? nameof(ToIssueDate) : nameof(FromIssueDate));
        }

        if (FromIssueDate is { } from && ToIssueDate is { } to)
        {
            if (to <= from)
            {
                throw new ArgumentException($"ToIssueDate ({to:u}) must be later than FromIssueDate ({from:u}).", nameof(ToIssueDate));
            }

            if (to - from > MaxIssueWindow)
            {
                throw new ArgumentException(
                    $"FromIssueDate {from:u} to ToIssueDate {to:u} is {(to - from).TotalDays:0.##} days; one getInvoiceHeaders request covers at most 90 days (Get-SpVendorInvoice splits longer ranges).",
                    nameof(ToIssueDate));
            }
        }
    }
}
