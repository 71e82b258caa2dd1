namespace SpApi.Core.Files;

/// <summary>
/// A read-only stream over another that throws once more than its limit has been read, so a reader that
/// buffers everything (JsonDocument.Parse, ReadAsByteArrayAsync) stops at the limit instead of filling memory:
/// a response body that never ends, a zip bomb's inflated bytes, or an input file such as /dev/zero.
/// </summary>
internal sealed class LimitedReadStream : Stream
{
    private readonly Stream inner;
    private readonly long limit;
    private readonly Func<Exception> tooLarge;
    private long read;

    public LimitedReadStream(Stream inner, long limit, Func<Exception> tooLarge)
    {
        this.inner = inner;
        this.limit = limit;
        this.tooLarge = tooLarge;
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
        return read > limit ? throw tooLarge() : n;
    }
}
