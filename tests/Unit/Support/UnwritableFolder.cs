namespace SpApi.Tests.Support;

/// <summary>
/// A folder the test process may not create files in, to check what a denied write reports. chmod 0555 stops
/// everyone but root, whom permissions do not stop; root gets /sys on Linux, where nobody may create a file.
/// Neither works on Windows (it would need an ACL) or for a root without a write-proof /sys: there the tests
/// that need one are skipped, with <see cref="UnwritableFolderFactAttribute"/>, rather than passed unchecked.
/// </summary>
internal sealed class UnwritableFolder : IDisposable
{
    private static readonly Lazy<bool> CanMake = new(() =>
        !OperatingSystem.IsWindows() && (!Environment.IsPrivilegedProcess || (OperatingSystem.IsLinux() && Refuses("/sys"))));

    private readonly string? owned;

    private UnwritableFolder(string path, string? owned)
    {
        Path = path;
        this.owned = owned;
    }

    public string Path { get; }

    /// <summary>Whether this process can be given a folder it may not write to.</summary>
    public static bool Possible => CanMake.Value;

    public static UnwritableFolder Create(string parent)
    {
        // Windows named again for the platform analyzer: Possible is false there.
        if (!Possible || OperatingSystem.IsWindows())
        {
            throw new InvalidOperationException("No folder can refuse this process here; mark the test [UnwritableFolderFact].");
        }

        if (Environment.IsPrivilegedProcess)
        {
            return new UnwritableFolder("/sys", null);
        }

        var folder = Directory.CreateDirectory(System.IO.Path.Combine(parent, "read-only")).FullName;
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return new UnwritableFolder(folder, folder);
    }

    public void Dispose()
    {
        if (owned is not null && !OperatingSystem.IsWindows())
        {
            // Writable again, so the test's folder can be deleted.
            File.SetUnixFileMode(owned, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static bool Refuses(string folder)
    {
        var probe = System.IO.Path.Combine(folder, $"spapi-probe-{Guid.NewGuid():N}.tmp");
        try
        {
            File.Create(probe).Dispose();
            File.Delete(probe);
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}

/// <summary>A fact that needs an <see cref="UnwritableFolder"/>: skipped, and shown as skipped, where none can be made.</summary>
internal sealed class UnwritableFolderFactAttribute : FactAttribute
{
    public UnwritableFolderFactAttribute()
    {
        if (!UnwritableFolder.Possible)
        {
            Skip = "No folder can refuse this process here (Windows, or root without a write-proof /sys): see UnwritableFolder.";
        }
    }
}
