namespace SpApi.Core.Http;

/// <summary>
/// What the send path's handler needs to know about a request, carried on the request message so that every
/// sender (the send path's own, RestSharp's for the token exchange) is logged and bounded alike: the operation
/// name for the log, and the size limit its response body is read against.
/// </summary>
internal static class SendTags
{
    private const string OperationKey = "SpApi.Operation";
    private const string LimitKey = "SpApi.BodyLimit";

    public static void Tag(HttpRequestMessage request, string operation, long bodyLimit)
    {
#if NET8_0_OR_GREATER
        request.Options.Set(new HttpRequestOptionsKey<string>(OperationKey), operation);
        request.Options.Set(new HttpRequestOptionsKey<long>(LimitKey), bodyLimit);
#else
        request.Properties[OperationKey] = operation;
        request.Properties[LimitKey] = bodyLimit;
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
