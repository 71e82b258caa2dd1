namespace SpApi.Core.Paging;

/// <summary>
/// A page of a paged operation. Each model keeps its nextToken where the model puts it
/// (pagination.nextToken or a top-level nextToken); the v1 payload envelope is removed before this.
/// </summary>
public interface IPagedResponse
{
    /// <summary>The token of the next page, or null on the last page.</summary>
    string? NextToken { get; }

    /// <summary>How many items the page holds; paging ends with an error after too many empty pages in a row.</summary>
    int ItemCount { get; }
}
