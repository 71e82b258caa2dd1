namespace SpApi.Core.Http;

/// <summary>
/// A response body ran past its limit (counted after decompression). Not an IOException, so the retry
/// policy does not take it for a broken connection: the same request would only get the same body again.
/// </summary>
internal sealed class ResponseTooLargeException : Exception
{
    public ResponseTooLargeException(long limit)
        : base($"The response body is larger than {SendTags.Describe(limit)}.")
    {
        Limit = limit;
    }

    public long Limit { get; }
}
