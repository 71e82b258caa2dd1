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

/// <summary>
/// Extracts zips safely and all or nothing: every entry's name and claimed size is checked before anything is
/// inflated, the entries are inflated into a hidden staging folder within <see cref="ZipLimits"/>, counted byte by
/// byte, and only when all are out are they moved into place. Any failure deletes the staging folder.
/// </summary>
public static class ZipExtraction
{
    /// <summary>The longest name a folder or file in an entry's path may have: 255, the limit of NTFS, ext4 and APFS.</summary>
    public const int MaxNameLength = 255;

    /// <summary>
    /// Throws <see cref="CorruptZipException"/> unless the file is a readable zip: its central directory opens and
    /// every entry reads to its end (a truncated or damaged entry fails its length or CRC check on the way). A zip
    /// that would expand past <paramref name="limits"/> (the defaults when null) is a <see cref="ZipLimitExceededException"/>
    /// naming <paramref name="subject"/> ("invoice document X"; the zip's path when null).
    /// </summary>
    public static void Verify(string zipPath, ZipLimits? limits = null, string? subject = null)
    {
        using var file = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        Verify(file, limits, subject ?? $"zip {zipPath}");
    }

    /// <summary>The same, for a zip in a stream (read from its current position; left open).</summary>
    public static void Verify(Stream zip, ZipLimits? limits, string subject)
    {
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            var budget = new ExpansionBudget(limits ?? ZipLimits.Default, subject, archive.Entries);
            foreach (var entry in archive.Entries)
            {
                budget.ReadToEnd(entry);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new CorruptZipException($"not a valid zip: {ex.Message}", ex);
        }
    }

    /// <summary>True when <see cref="Verify(string, ZipLimits, string)"/> finds no damage; a zip past the limits still throws.</summary>
    public static bool IsValid(string zipPath, ZipLimits? limits = null, string? subject = null)
    {
        try
        {
            Verify(zipPath, limits, subject);
            return true;
        }
        catch (CorruptZipException)
        {
            return false;
        }
    }

    /// <summary>
    /// Extracts the zip into the folder and returns the files written, all or none. Refused before anything is
    /// inflated: an entry outside the folder (<see cref="ZipSlipException"/>), two entries on one file or a name
    /// longer than <see cref="MaxNameLength"/> (<see cref="InvalidZipEntryException"/>), and a zip whose headers
    /// claim more than <paramref name="limits"/> allow (<see cref="ZipLimitExceededException"/>).
    /// </summary>
    public static async Task<IReadOnlyList<string>> ExtractAsync(
        string zipPath, string folder, CancellationToken cancellationToken, ZipLimits? limits = null, string? subject = null)
    {
        subject ??= $"zip {zipPath}";
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        using var zip = ZipFile.OpenRead(zipPath);
        var budget = new ExpansionBudget(limits ?? ZipLimits.Default, subject, zip.Entries);
        var targets = Plan(zip, root, subject);
        try
        {
            using var staging = StagingFolder.For(Path.Combine(root, Path.GetFileName(zipPath)));
            foreach (var target in targets)
            {
                await StageAsync(target, staging.Content, budget, subject, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            foreach (var target in targets)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target.Path)!);
                AtomicFile.Replace(Path.Combine(staging.Content, target.Relative), target.Path);
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new FileAccessDeniedException(root, ex);
        }

        return targets.Select(t => t.Path).ToList();
    }

    // Every entry's place, checked before anything is written.
    private static List<Target> Plan(ZipArchive zip, string root, string subject)
    {
        var targets = new List<Target>();
        var byPath = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            if (name.EndsWith("/", StringComparison.Ordinal) || name.EndsWith("\\", StringComparison.Ordinal))
            {
                continue;
            }

            // A backslash separates folders on every OS, as it does on Windows, so a zip gives the same files everywhere.
            var path = name.Replace('\\', '/');
            if (path.Split('/').FirstOrDefault(part => part.Length > MaxNameLength) is { } tooLong)
            {
                throw new InvalidZipEntryException(
                    $"The {subject} has an entry whose name has a part of {tooLong.Length} characters, longer than the {MaxNameLength} a file system allows: '{Shorten(name)}'; nothing of it was extracted.", name);
            }

            var target = FullPath(root, path, subject);
            if (!target.StartsWith(root, StringComparison.Ordinal))
            {
                throw new ZipSlipException($"The {subject} has an entry '{name}' that would land outside {root}; nothing was extracted.");
            }

            // In any case, as Windows and macOS compare names, so a zip gives the same files on every OS.
            var relative = target.Substring(root.Length);
            if (byPath.TryGetValue(relative, out var first))
            {
                throw new InvalidZipEntryException(
                    $"The {subject} has two entries for the same file: '{first}' and '{name}' (names compared in any case); nothing of it was extracted.", name);
            }

            byPath.Add(relative, name);
            targets.Add(new Target(entry, relative, target));
        }

        return targets;
    }

    private static string FullPath(string root, string path, string subject)
    {
        try
        {
            return Path.GetFullPath(Path.Combine(root, path));
        }
        catch (Exception ex) when (ex is PathTooLongException or ArgumentException or NotSupportedException)
        {
            throw new InvalidZipEntryException($"The {subject} has an entry whose name cannot be a file here ({ex.Message}): '{Shorten(path)}'; nothing of it was extracted.", path, ex);
        }
    }

    private static async Task StageAsync(Target target, string content, ExpansionBudget budget, string subject, CancellationToken cancellationToken)
    {
        var staged = Path.Combine(content, target.Relative);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
            using var file = new FileStream(staged, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await budget.CopyAsync(target.Entry, file, cancellationToken).ConfigureAwait(false);
        }
        catch (PathTooLongException ex)
        {
            throw new InvalidZipEntryException(
                $"The {subject} has an entry whose path is too long for the file system in {Path.GetDirectoryName(content)}: '{Shorten(target.Entry.FullName)}'; nothing of it was extracted.", target.Entry.FullName, ex);
        }
    }

    // A name of thousands of characters would drown the message.
    private static string Shorten(string name) => name.Length <= 80 ? name : name.Substring(0, 60) + $"... ({name.Length} characters)";

    private sealed record Target(ZipArchiveEntry Entry, string Relative, string Path);
}
