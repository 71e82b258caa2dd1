using System.IO.Compression;

namespace SpApi.Core.Files;

/// <summary>A zip entry would land outside the target folder (zip slip); nothing was extracted.</summary>
public sealed class ZipSlipException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ZipSlipException(string message)
        : base(message)
    {
    }
}

/// <summary>A file that should be a zip is not one (no central directory, a bad entry): it is truncated or corrupt.</summary>
public sealed class CorruptZipException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CorruptZipException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>Extracts zips safely: every entry is checked before anything is written, and each file is written atomically.</summary>
public static class ZipExtraction
{
    /// <summary>
    /// Throws <see cref="CorruptZipException"/> unless the file is a readable zip: its central directory opens and
    /// every entry reads to its end (a truncated or damaged entry fails its length or CRC check on the way).
    /// </summary>
    public static void Verify(string zipPath)
    {
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                while (stream.Read(buffer, 0, buffer.Length) > 0)
                {
                    // Reading to the end is the check: the inflater and the CRC see every byte.
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new CorruptZipException($"not a valid zip: {ex.Message}", ex);
        }
    }

    /// <summary>True when <see cref="Verify"/> accepts the file.</summary>
    public static bool IsValid(string zipPath)
    {
        try
        {
            Verify(zipPath);
            return true;
        }
        catch (CorruptZipException)
        {
            return false;
        }
    }

    /// <summary>Extracts the zip into the folder and returns the files written.</summary>
    public static async Task<IReadOnlyList<string>> ExtractAsync(string zipPath, string folder, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        using var zip = ZipFile.OpenRead(zipPath);
        var targets = new List<(ZipArchiveEntry Entry, string Path)>();
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith("/", StringComparison.Ordinal) || entry.FullName.EndsWith("\\", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.GetFullPath(Path.Combine(root, entry.FullName));
            if (!target.StartsWith(root, StringComparison.Ordinal))
            {
                throw new ZipSlipException($"The zip {zipPath} has an entry '{entry.FullName}' that would land outside {root}; nothing was extracted.");
            }

            targets.Add((entry, target));
        }

        var written = new List<string>(targets.Count);
        foreach (var (entry, target) in targets)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await AtomicFile.WriteAsync(target, async (stream, ct) =>
            {
                using var source = entry.Open();
                await source.CopyToAsync(stream, 81920, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            written.Add(target);
        }

        return written;
    }
}
