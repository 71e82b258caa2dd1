namespace SpApi.Tests.Support;

/// <summary>
/// A folder the test process may not create files in, to check what a denied write reports. chmod 0555 stops
/// everyone but root, whom permissions do not stop; root gets /sys on Linux, where nobody may create a file.
/// Null where neither works (Windows, which would need an ACL; a root without a writable-proof /sys).
/// </summary>
internal sealed class UnwritableFolder : IDisposable
{
    private readonly string? owned;

    private UnwritableFolder(string path, string? owned)
    {
        Path = path;
        this.owned = owned;
    }

    public string Path { get; }

    public static UnwritableFolder? Create(string parent)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        if (Environment.IsPrivilegedProcess)
        {
            return OperatingSystem.IsLinux() && Refuses("/sys") ? new UnwritableFolder("/sys", null) : null;
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
