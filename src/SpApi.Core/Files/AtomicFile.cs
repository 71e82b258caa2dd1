namespace SpApi.Core.Files;

/// <summary>
/// Writes a file under a temporary name in the same folder and renames it into place, so a reader
/// (or a crash, or Ctrl+C) never sees a half-written file.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes the bytes; on Unix, <paramref name="ownerOnly"/> creates the file with mode 600.</summary>
    public static void WriteAllBytes(string path, byte[] bytes, bool ownerOnly = false)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                RestrictToOwner(temp, ownerOnly);
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            Replace(temp, path);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
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

    private static void RestrictToOwner(string path, bool ownerOnly)
    {
#if NET8_0_OR_GREATER
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
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
