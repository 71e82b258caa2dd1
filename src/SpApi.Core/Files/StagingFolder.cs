namespace SpApi.Core.Files;

/// <summary>
/// A hidden folder with a temporary name (<see cref="AtomicFile.TemporaryName"/>) where a zip is extracted before
/// anything of it takes its place, so a failure leaves nothing half-extracted. It holds <see cref="LockName"/> with
/// FileShare.None while alive, so <see cref="StaleTemporaryFiles"/> tells a live extraction from a killed one.
/// Disposing deletes it with everything still in it.
/// </summary>
internal sealed class StagingFolder : IDisposable
{
    /// <summary>The file held while the folder is in use.</summary>
    public const string LockName = "lock";

    private readonly FileStream held;

    private StagingFolder(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);
        held = new FileStream(System.IO.Path.Combine(path, LockName), FileMode.CreateNew, FileAccess.Write, FileShare.None);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>Where the files go: a subfolder, so no entry's name can meet the lock's.</summary>
    public string Content => System.IO.Path.Combine(Path, "files");

    /// <summary>Creates a staging folder named after <paramref name="target"/>, next to it.</summary>
    public static StagingFolder For(string target) => new(AtomicFile.TemporaryNameFor(target));

    /// <inheritdoc />
    public void Dispose()
    {
        held.Dispose();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the next run's stale cleanup removes it.
        }
    }
}
