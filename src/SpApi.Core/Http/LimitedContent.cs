using System.Net;

namespace SpApi.Core.Http;

/// <summary>
/// A response body that throws <see cref="ResponseTooLargeException"/> once more than its limit has been read.
/// It wraps the content after decompression, so a small gzip body that expands past the limit is stopped too.
/// </summary>
internal sealed class LimitedContent : HttpContent
{
    private readonly HttpContent inner;
    private readonly long limit;

    public LimitedContent(HttpContent inner, long limit)
    {
        this.inner = inner;
        this.limit = limit;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        using var body = await CreateContentReadStreamAsync().ConfigureAwait(false);
        await body.CopyToAsync(stream, 81920).ConfigureAwait(false);
    }

    protected override async Task<Stream> CreateContentReadStreamAsync() =>
        new Files.LimitedReadStream(await inner.ReadAsStreamAsync().ConfigureAwait(false), limit, () => new ResponseTooLargeException(limit));

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
