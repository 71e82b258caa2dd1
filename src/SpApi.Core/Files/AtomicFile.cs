using System.Text.RegularExpressions;

namespace SpApi.Core.Files;

/// <summary>
/// Writes a file under a temporary name in the same folder and renames it into place, so a reader
/// (or a crash, or Ctrl+C) never sees a half-written file. A write the permissions forbid is a
/// <see cref="FileAccessDeniedException"/> that names the file, not its temporary name. The temporary file is
/// held with FileShare.None for its whole life (on Unix .NET takes an advisory lock), so a live writer is always
/// detectable and <see cref="StaleTemporaryFiles"/> removes only what a killed process left.
/// </summary>
internal static class AtomicFile
{
    /// <summary>
    /// Every temporary name the module gives, a file's or an extraction folder's: <c>.&lt;name&gt;.&lt;32 hex digits&gt;.tmp</c>.
    /// Nothing else matches, so the stale cleanup never touches a file of the user's.
    /// </summary>
    public static readonly Regex TemporaryName = new(@"\A\..+\.[0-9a-f]{32}\.tmp\z", RegexOptions.CultureInvariant);

    /// <summary>A fresh temporary name in the folder of <paramref name="path"/>, matching <see cref="TemporaryName"/>.</summary>
    public static string TemporaryNameFor(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Writes the bytes; on Unix, <paramref name="ownerOnly"/> creates the file with mode 600.</summary>
    public static void WriteAllBytes(string path, byte[] bytes, bool ownerOnly = false)
    {
        var temp = TemporaryNameFor(path);
        try
        {
            using (var stream = Create(temp, ownerOnly))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            Replace(temp, path);
        }
        catch (UnauthorizedAccessException ex)
        {
            TryDelete(temp);
            throw new FileAccessDeniedException(path, ex);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Streams content into the file: memory stays flat whatever the size. <paramref name="verify"/>, when given,
    /// checks the complete temporary file before it takes the name (it throws to refuse it; nothing is left). It reads
    /// the file through the stream that wrote it, from the start, so the file stays held while it is checked.
    /// </summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken, Action<Stream>? verify = null)
    {
        var temp = TemporaryNameFor(path);
        try
        {
            using (var stream = Create(temp, ownerOnly: false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
                cancellationToken.ThrowIfCancellationRequested();
                if (verify is not null)
                {
                    stream.Position = 0;
                    verify(stream);
                }
            }

            Replace(temp, path);
        }
        catch (UnauthorizedAccessException ex)
        {
            TryDelete(temp);
            throw new FileAccessDeniedException(path, ex);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static FileStream Create(string temp, bool ownerOnly)
    {
        // Read as well as write: a verify reads the file back through this same handle.
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
#if NET8_0_OR_GREATER
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
#endif
        return stream;
    }

    /// <summary>Renames <paramref name="temp"/> to <paramref name="path"/>, replacing a file already there.</summary>
    public static void Replace(string temp, string path)
    {
#if NET8_0_OR_GREATER
        File.Move(temp, path, overwrite: true);
#else
        if (File.Exists(path))
        {
            File.Replace(temp, path, destinationBackupFileName: null);
        }
        else
        {
            File.Move(temp, path);
        }
#endif
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the temporary name starts with a dot and ends with .tmp, so it is easy to spot.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
