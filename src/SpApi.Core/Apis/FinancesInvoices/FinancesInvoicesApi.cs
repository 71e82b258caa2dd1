using System.Runtime.CompilerServices;
using SpApi.Core.Endpoints;
using SpApi.Core.Http;
using SpApi.Core.Operations;
using SpApi.Core.Paging;

namespace SpApi.Core.Apis.FinancesInvoices;

/// <summary>
/// Typed calls of the Finances Invoices API 2026-06-25: Amazon's own record of the invoices it was sent,
/// with their status and settlement. Headers come 100 a page (the API's fixed size), lines 600 a page.
/// </summary>
public sealed class FinancesInvoicesApi
{
    /// <summary>The getInvoice query parameter that carries the token of the next page of lines.</summary>
    internal const string LineTokenParameter = "nextTokenForLineItems";

    private readonly SpApiClient client;

    /// <summary>Creates the API over a client.</summary>
    public FinancesInvoicesApi(SpApiClient client) => this.client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>getInvoiceHeaders, every page of one request (at most 90 days of issue dates); each header carries the marketplace it was read from.</summary>
    public async IAsyncEnumerable<GetInvoicesResponse> GetInvoiceHeaderPagesAsync(InvoiceHeadersQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        var request = new SpApiRequest(SpApiOperations.GetFinancesInvoiceHeaders)
            .WithQuery("marketplaceId", query.MarketplaceId)
            .WithQuery("fromIssueDate", query.FromIssueDate)
            .WithQuery("toIssueDate", query.ToIssueDate)
            .WithQuery("invoicesModifiedAfter", query.InvoicesModifiedAfter);
        await foreach (var page in client.PageAsync<GetInvoicesResponse>(request, cancellationToken).ConfigureAwait(false))
        {
            foreach (var header in page.Invoices)
            {
                header.MarketplaceId = query.MarketplaceId;
            }

            yield return page;
        }
    }

    /// <summary>
    /// getInvoice, every page of lines: each page repeats the header and holds up to 600 lines, and the
    /// next is asked for with its nextTokenForLineItems until there is none.
    /// </summary>
    public async IAsyncEnumerable<GetInvoiceResponse> GetInvoicePagesAsync(string marketplaceId, string invoiceIdentifier, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Marketplace.Get(marketplaceId, "MarketplaceId");
        InvoiceIdentifiers.Check(invoiceIdentifier, "InvoiceId");
        var operation = SpApiOperations.GetFinancesInvoice;
        var guard = new PagingGuard(operation.Name);
        string? token = null;
        do
        {
            var request = new SpApiRequest(operation)
                .WithPath("invoiceIdentifier", invoiceIdentifier)
                .WithQuery("marketplaceId", marketplaceId)
                .WithQuery(LineTokenParameter, token);
            var page = await client.SendAsync<GetInvoiceResponse>(request, cancellationToken).ConfigureAwait(false);
            if (page.InvoiceHeader is null)
            {
                throw SpApiException.MissingInResponse(operation, $"invoiceHeader for {invoiceIdentifier}");
            }

            page.InvoiceHeader.MarketplaceId = marketplaceId;
            yield return page;
            token = page.NextTokenForLineItems;
            if (!string.IsNullOrEmpty(token))
            {
                guard.Follow(page.InvoiceItems.Count, token!);
            }
        }
        while (!string.IsNullOrEmpty(token));
    }

    /// <summary>getInvoice, one request: the invoice's header.</summary>
    public async Task<InvoiceHeader> GetInvoiceHeaderAsync(string marketplaceId, string invoiceIdentifier, CancellationToken cancellationToken)
    {
        await foreach (var page in GetInvoicePagesAsync(marketplaceId, invoiceIdentifier, cancellationToken).ConfigureAwait(false))
        {
            return page.InvoiceHeader!;
        }

        throw new InvalidOperationException("GetInvoicePagesAsync yields at least one page or throws.");
    }

    /// <summary>getInvoice, every page: the header and all the invoice's lines in one response, its NextTokenForLineItems null.</summary>
    public async Task<GetInvoiceResponse> GetInvoiceAsync(string marketplaceId, string invoiceIdentifier, CancellationToken cancellationToken)
    {
        GetInvoiceResponse? invoice = null;
        await foreach (var page in GetInvoicePagesAsync(marketplaceId, invoiceIdentifier, cancellationToken).ConfigureAwait(false))
        {
            if (invoice is null)
            {
                invoice = page;
            }
            else
            {
                invoice.InvoiceItems.AddRange(page.InvoiceItems);
            }
        }

        invoice!.NextTokenForLineItems = null;
        return invoice;
    }
}
