namespace SpApi.Core.Files;

/// <summary>Where the module keeps its own files for the user (the attribute cache, the submission ledger).</summary>
public static class LocalDataFolder
{
    /// <summary>
    /// <paramref name="configured"/> (an SPAPI_*_PATH variable) when given; else SpApi/<paramref name="name"/> in the
    /// user's local application data; else, for an account without a profile (some service accounts, where the OS
    /// gives no such folder), under the temp folder, never a path relative to the process's current directory.
    /// </summary>
    public static string Resolve(string? configured, string name)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured!;
        }

        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(string.IsNullOrEmpty(local) ? Path.GetTempPath() : local, "SpApi", name);
    }
}
