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
        new CountingStream(await inner.ReadAsStreamAsync().ConfigureAwait(false), limit);

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

    private sealed class CountingStream : Stream
    {
        private readonly Stream inner;
        private readonly long limit;
        private long read;

        public CountingStream(Stream inner, long limit)
        {
            this.inner = inner;
            this.limit = limit;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

#if NET8_0_OR_GREATER
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
#endif

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int n)
        {
            read += n;
            return read > limit ? throw new ResponseTooLargeException(limit) : n;
        }
    }
}
