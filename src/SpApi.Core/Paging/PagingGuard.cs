using SpApi.Core.Http;

namespace SpApi.Core.Paging;

/// <summary>
/// Ends paging that would never end on its own, with an error that says which sign it saw: a nextToken
/// the server had already returned (<see cref="SpApiFailureKind.RepeatedNextToken"/>), or
/// <see cref="MaxEmptyPagesInARow"/> empty pages in a row that each still promise a next page
/// (<see cref="SpApiFailureKind.EndlessPaging"/>), as a server that hands out new tokens for ever does.
/// </summary>
internal sealed class PagingGuard
{
    /// <summary>
    /// Empty pages in a row that end paging. SP-API may send an empty page before more items (a filter that
    /// matched nothing on one shard), but not ten in a row: by then the pager is being led on, and at
    /// getCustomerInvoices' 10 requests per second it would otherwise never stop.
    /// </summary>
    public const int MaxEmptyPagesInARow = 10;

    private readonly string operation;
    private readonly NextTokenCycleDetector cycles = new();
    private int pages;
    private int emptyInARow;

    public PagingGuard(string operation) => this.operation = operation;

    /// <summary>Takes a page that points at a next one; throws when following it would not end.</summary>
    public void Follow(IPagedResponse page, string nextToken) => Follow(page.ItemCount, nextToken);

    /// <summary>As <see cref="Follow(IPagedResponse, string)"/>, for a page of <paramref name="itemCount"/> items paged by a token of its own (getInvoice's lines).</summary>
    public void Follow(int itemCount, string nextToken)
    {
        pages++;
        emptyInARow = itemCount == 0 ? emptyInARow + 1 : 0;
        if (!cycles.Accept(nextToken))
        {
            throw new SpApiException(
                $"{operation}: the server returned a nextToken it had already returned for an earlier page; paging stopped after {pages} pages instead of looping.",
                operation, SpApiFailureKind.RepeatedNextToken);
        }

        if (emptyInARow == MaxEmptyPagesInARow)
        {
            throw new SpApiException(
                $"{operation}: the server returned {MaxEmptyPagesInARow} empty pages in a row, each with a new nextToken; paging stopped after {pages} pages, since it would never end. The items returned before them are complete up to that point.",
                operation, SpApiFailureKind.EndlessPaging);
        }
    }
}
