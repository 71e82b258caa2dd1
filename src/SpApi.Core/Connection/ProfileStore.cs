using System.Text.Json;
using SpApi.Core.Files;
using SpApi.Core.Json;

namespace SpApi.Core.Connection;

/// <summary>
/// The profile file: ~/.spapi/profiles.json, or the path in SPAPI_PROFILE_PATH. It is written
/// atomically; on Unix the folder is 700 and the file 600.
/// </summary>
internal sealed class ProfileStore
{
    public const string PathVariable = "SPAPI_PROFILE_PATH";

    public ProfileStore(string path) => Path = path;

    public string Path { get; }

    public static ProfileStore FromEnvironment(Func<string, string?> environment)
    {
        var configured = environment(PathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            PathText.RequireValid(configured!, PathVariable);
        }

        return new ProfileStore(string.IsNullOrWhiteSpace(configured)
            ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".spapi", "profiles.json")
            : System.IO.Path.GetFullPath(configured!));
    }

    public IReadOnlyCollection<string> Names() => Read().Profiles.Keys.ToList();

    /// <summary>Every profile by its name, as saved.</summary>
    public IReadOnlyDictionary<string, StoredProfile> All() => Read().Profiles;

    /// <summary>Refuses a name that a profile already has, unless <paramref name="overwrite"/> (-Force).</summary>
    public void RefuseExisting(string name, bool overwrite) => RefuseExisting(name, overwrite, Read().Profiles);

    private void RefuseExisting(string name, bool overwrite, IDictionary<string, StoredProfile> profiles)
    {
        if (!overwrite && profiles.ContainsKey(name))
        {
            throw new InvalidOperationException($"The profile '{name}' already exists in {Path}. Use -Force to replace it.");
        }
    }

    public StoredProfile Load(string name, string parameterName = "ProfileName")
    {
        var profiles = Read().Profiles;
        return profiles.TryGetValue(name, out var profile) ? profile : throw NotFound(name, profiles.Keys, parameterName);
    }

    /// <summary>Removes a profile and returns what it held, or null when there is none of that name; the file stays, with the others.</summary>
    public StoredProfile? Remove(string name)
    {
        var all = Read();
        if (!all.Profiles.TryGetValue(name, out var profile))
        {
            return null;
        }

        all.Profiles.Remove(name);
        Write(all);
        return profile;
    }

    public void Save(string name, StoredProfile profile, bool overwrite)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("The profile name must not be empty.", "Name");
        }

        var all = Read();
        RefuseExisting(name, overwrite, all.Profiles);
        all.Profiles[name] = profile;
        Write(all);
    }

    /// <summary>The failure for a name that no profile has, naming the file and the profiles it holds.</summary>
    public ProfileNotFoundException NotFound(string name, string parameterName) => NotFound(name, Read().Profiles.Keys, parameterName);

    private ProfileNotFoundException NotFound(string name, IEnumerable<string> known, string parameterName)
    {
        var names = known.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
        var message = !File.Exists(Path)
            ? $"The profile '{name}' does not exist: there is no profile file at {Path}. Create it with Save-SpApiProfile."
            : names.Count == 0
                ? $"The profile '{name}' does not exist: {Path} holds no profiles. Create one with Save-SpApiProfile."
                : $"The profile '{name}' does not exist in {Path}. Known profiles: {string.Join(", ", names)}.";
        return new ProfileNotFoundException(name, message, parameterName);
    }

    private void Write(StoredProfiles all)
    {
        RequireNotFolder();
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        if (!Directory.Exists(folder))
        {
            CreateOwnerOnlyFolder(folder);
        }

        AtomicFile.WriteAllBytes(Path, JsonSerializer.SerializeToUtf8Bytes(all, new JsonSerializerOptions(SpApiJson.Options) { WriteIndented = true }), ownerOnly: true);
    }

    // An absent file holds no profiles.
    private StoredProfiles Read()
    {
        RequireNotFolder();
        if (!File.Exists(Path))
        {
            return new StoredProfiles();
        }

        try
        {
            var profiles = JsonSerializer.Deserialize<StoredProfiles>(File.ReadAllBytes(Path), SpApiJson.Options) ?? new StoredProfiles();
            profiles.Profiles = new Dictionary<string, StoredProfile>(profiles.Profiles, StringComparer.OrdinalIgnoreCase);
            return profiles;
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The profile file {Path} is not valid JSON: {ex.Message}", ex);
        }
    }

    // A folder at the file's path would read as "no profiles" and fail only when a profile is saved; say so at once.
    private void RequireNotFolder()
    {
        if (Directory.Exists(Path))
        {
            throw new ProfileFileException(Path, $"is a folder; the profile file must be a file. Point {PathVariable} at a file, such as {System.IO.Path.Combine(Path, "profiles.json")} (when it is not set, the file is ~/.spapi/profiles.json).");
        }
    }

    private static void CreateOwnerOnlyFolder(string folder)
    {
#if NET8_0_OR_GREATER
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return;
        }
#endif
        Directory.CreateDirectory(folder);
    }
}
