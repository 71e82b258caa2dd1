using System.IO.Compression;
using System.Text;

namespace SpApi.Sandbox;

/// <summary>The bodies of the faults that test a client's limits: endless, a decompression bomb, a huge error.</summary>
internal static class MisbehavingBodies
{
    /// <summary>How far the gzip bomb expands.</summary>
    public const long GzipBombExpandedBytes = 512L * 1024 * 1024;

    // Compressed once (about a second of work), then served from memory.
    private static readonly Lazy<byte[]> GzipBomb = new(() =>
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var written = 0L; written < GzipBombExpandedBytes; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return compressed.ToArray();
    });

    // Built once, then served from memory: a zip whose one entry deflates 1 GiB of zeros to about 1 MB.
    private static readonly Lazy<byte[]> ZipBomb = new(() =>
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = archive.CreateEntry(SandboxFaults.ZipBombEntry, CompressionLevel.Optimal).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (var written = 0L; written < SandboxFaults.ZipBombExpandedBytes; written += zeros.Length)
            {
                entry.Write(zeros);
            }
        }

        return zip.ToArray();
    });

    /// <summary>Writes JSON-looking chunks until the client hangs up.</summary>
    public static async Task WriteEndlessAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        var chunk = Encoding.ASCII.GetBytes("[" + new string(' ', 64 * 1024 - 1));
        try
        {
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client hung up: what this fault waits for.
        }
    }

    /// <summary>Writes the bomb with Content-Encoding: gzip, so a client that decompresses sees 512 MiB.</summary>
    public static async Task WriteGzipBombAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.ContentEncoding = "gzip";
        var body = GzipBomb.Value;
        context.Response.ContentLength = body.Length;
        try
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client stopped reading, as it should.
        }
    }

    /// <summary>Writes the zip bomb as a document download: a valid zip, small on the wire.</summary>
    public static async Task WriteZipBombAsync(HttpContext context)
    {
        context.Response.ContentType = "application/zip";
        var body = ZipBomb.Value;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>A 10 MB message that would paint a terminal and forge lines if shown unfiltered.</summary>
    public static string HugeMessage()
    {
        var text = new StringBuilder(10 * 1024 * 1024 + 100);
        text.Append("\u001b[2J\u001b[31mBad input\r\nFAKE: all good\u0007");
        while (text.Length < 10 * 1024 * 1024)
        {
            text.Append("0123456789abcdef\u001b[0m\t\u0000");
        }

        return text.ToString();
    }
}
