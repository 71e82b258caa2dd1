namespace SpApi.Core.Paging;

/// <summary>The one check of a page size against the bounds an operation's model gives it.</summary>
public static class PageSize
{
    /// <summary>The name users see, on every cmdlet and in every message, whatever the wire calls it (limit, pageSize).</summary>
    public const string ParameterName = "PageSize";

    /// <summary>
    /// Refuses a page size outside 1 to <paramref name="maximum"/>, the model's bounds for
    /// <paramref name="operationName"/>; null, which leaves the size to Amazon, passes.
    /// </summary>
    public static void Check(int? pageSize, int maximum, string operationName)
    {
        if (pageSize is { } size && (size < 1 || size > maximum))
        {
            throw new ArgumentOutOfRangeException(
                ParameterName, pageSize, $"{ParameterName} must be between 1 and {maximum}, the bounds the {operationName} model gives its page size.");
        }
    }
}
