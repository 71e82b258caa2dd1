namespace SpApi.Core.Connection;

/// <summary>The names of the saved profiles, for argument completion.</summary>
public static class ProfileNames
{
    /// <summary>Lists the profile names; an absent file means none.</summary>
    public static IReadOnlyCollection<string> List(Func<string, string?> environment) =>
        ProfileStore.FromEnvironment(environment).Names();
}
