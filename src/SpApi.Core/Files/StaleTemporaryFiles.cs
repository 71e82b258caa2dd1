namespace SpApi.Core.Files;

/// <summary>
/// Removes what a killed run left in a folder: files and extraction folders with the module's temporary name
/// (<see cref="AtomicFile.TemporaryName"/>), and only those no live process holds. A receiver calls it when it
/// starts writing into a folder.
/// </summary>
public static class StaleTemporaryFiles
{
    /// <summary>
    /// How long since its last write before a temporary file may be removed: a writer creates its file and then
    /// takes the lock, and this keeps the cleanup out of that moment.
    /// </summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromMinutes(1);

    /// <summary>Removes the stale temporary files and folders of <paramref name="folder"/>, telling <paramref name="verbose"/> of each; returns them.</summary>
    public static IReadOnlyList<string> Remove(string folder, Action<string>? verbose)
    {
        var removed = new List<string>();
        if (!Directory.Exists(folder))
        {
            return removed;
        }

        foreach (var path in Directory.EnumerateFileSystemEntries(folder, ".*.tmp"))
        {
            if (!AtomicFile.TemporaryName.IsMatch(Path.GetFileName(path)))
            {
                continue;
            }

            var isFolder = Directory.Exists(path);
            if (isFolder ? TryRemoveFolder(path) : TryRemoveFile(path))
            {
                removed.Add(path);
                verbose?.Invoke($"Removed {path}, a temporary {(isFolder ? "extraction folder" : "file")} that a stopped run left behind.");
            }
        }

        return removed;
    }

    private static bool TryRemoveFile(string path)
    {
        if (!IsFree(path))
        {
            return false;
        }

        return Try(() => File.Delete(path));
    }

    private static bool TryRemoveFolder(string path)
    {
        var held = Path.Combine(path, StagingFolder.LockName);
        if (File.Exists(held) ? !IsFree(held) : DateTime.UtcNow - Directory.GetLastWriteTimeUtc(path) < MinimumAge)
        {
            return false;
        }

        return Try(() => Directory.Delete(path, recursive: true));
    }

    // Old enough, and no process holds it: opening it with FileShare.None fails while a writer has it open.
    private static bool IsFree(string file) =>
        DateTime.UtcNow - File.GetLastWriteTimeUtc(file) >= MinimumAge
        && Try(() => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None).Dispose());

    private static bool Try(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Held, or not ours to remove: it stays.
            return false;
        }
    }
}
