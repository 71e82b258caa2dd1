namespace SpApi.Core.Connection;

/// <summary>What the PowerShell layer may know of the profile store: its names (for completion) and its file.</summary>
public static class ProfileNames
{
    /// <summary>The profile file: SPAPI_PROFILE_PATH, or ~/.spapi/profiles.json.</summary>
    public static string StorePath(Func<string, string?> environment) => ProfileStore.FromEnvironment(environment).Path;

    /// <summary>Lists the profile names; an absent file means none.</summary>
    public static IReadOnlyCollection<string> List(Func<string, string?> environment) =>
        ProfileStore.FromEnvironment(environment).Names();
}
