namespace SpApi.Core.Http;

/// <summary>
/// What the send path's handler needs to know about a request, carried on the request message so that every
/// sender (the send path's own, RestSharp's for the token exchange) is logged and bounded alike: the operation
/// name for the log, the size limit its response body is read against, and the query the log may show
/// (only an SP-API call's, as <see cref="SpApiRequest"/> shows it: a pre-signed download URL's query is a credential).
/// </summary>
internal static class SendTags
{
    private const string OperationKey = "SpApi.Operation";
    private const string LimitKey = "SpApi.BodyLimit";
    private const string ShownQueryKey = "SpApi.ShownQuery";

    public static void Tag(HttpRequestMessage request, string operation, long bodyLimit, string? shownQuery = null)
    {
#if NET8_0_OR_GREATER
        request.Options.Set(new HttpRequestOptionsKey<string>(OperationKey), operation);
        request.Options.Set(new HttpRequestOptionsKey<long>(LimitKey), bodyLimit);
        if (shownQuery is not null)
        {
            request.Options.Set(new HttpRequestOptionsKey<string>(ShownQueryKey), shownQuery);
        }
#else
        request.Properties[OperationKey] = operation;
        request.Properties[LimitKey] = bodyLimit;
        if (shownQuery is not null)
        {
            request.Properties[ShownQueryKey] = shownQuery;
        }
#endif
    }

    /// <summary>The query the log shows, or null: then the log shows none of the URL's query.</summary>
    public static string? ShownQuery(HttpRequestMessage request)
    {
#if NET8_0_OR_GREATER
        return request.Options.TryGetValue(new HttpRequestOptionsKey<string>(ShownQueryKey), out var query) ? query : null;
#else
        return request.Properties.TryGetValue(ShownQueryKey, out var query) ? query as string : null;
#endif
    }

    public static string? Operation(HttpRequestMessage request)
    {
#if NET8_0_OR_GREATER
        return request.Options.TryGetValue(new HttpRequestOptionsKey<string>(OperationKey), out var operation) ? operation : null;
#else
        return request.Properties.TryGetValue(OperationKey, out var operation) ? operation as string : null;
#endif
    }

    public static long? BodyLimit(HttpRequestMessage request)
    {
#if NET8_0_OR_GREATER
        return request.Options.TryGetValue(new HttpRequestOptionsKey<long>(LimitKey), out var limit) ? limit : null;
#else
        return request.Properties.TryGetValue(LimitKey, out var limit) && limit is long value ? value : null;
#endif
    }

    /// <summary>A size as people say it: 64 MiB, 2 GiB, 1,500 bytes.</summary>
    public static string Describe(long bytes) =>
        bytes % (1L << 30) == 0 ? $"{bytes >> 30} GiB"
        : bytes % (1L << 20) == 0 ? $"{bytes >> 20} MiB"
        : $"{bytes:N0} bytes";
}
