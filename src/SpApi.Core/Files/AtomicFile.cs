namespace SpApi.Core.Files;

/// <summary>
/// Writes a file under a temporary name in the same folder and renames it into place, so a reader
/// (or a crash, or Ctrl+C) never sees a half-written file. A write the permissions forbid is a
/// <see cref="FileAccessDeniedException"/> that names the file, not its temporary name.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes the bytes; on Unix, <paramref name="ownerOnly"/> creates the file with mode 600.</summary>
    public static void WriteAllBytes(string path, byte[] bytes, bool ownerOnly = false)
    {
        var temp = TempNameFor(path);
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
    /// checks the complete temporary file before it takes the name (it throws to refuse it; nothing is left).
    /// </summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken, Action<string>? verify = null)
    {
        var temp = TempNameFor(path);
        try
        {
            using (var stream = Create(temp, ownerOnly: false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
            verify?.Invoke(temp);
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

    private static string TempNameFor(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
    }

    private static FileStream Create(string temp, bool ownerOnly)
    {
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
#if NET8_0_OR_GREATER
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
#endif
        return stream;
    }

    private static void Replace(string temp, string path)
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
