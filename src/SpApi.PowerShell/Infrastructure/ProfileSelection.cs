using System.Management.Automation;
using SpApi.Core.Connection;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>Picks saved profiles by -Name, as Get-Item picks items: a pattern may match none, a plain name must match one.</summary>
internal static class ProfileSelection
{
    /// <summary>
    /// The profiles that <paramref name="names"/> match (names ignore case, as the profile file does), each once, in
    /// the order of the names. For a name without wildcards that matches none, <paramref name="cmdlet"/> writes ProfileNotFound.
    /// </summary>
    public static IEnumerable<SpApiProfileInfo> Select(Cmdlet cmdlet, IReadOnlyList<SpApiProfileInfo> profiles, IEnumerable<string> names)
    {
        var selected = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase);
            var matches = profiles.Where(p => pattern.IsMatch(p.Name)).ToList();
            if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
            {
                cmdlet.WriteError(NotFound(name));
            }

            foreach (var profile in matches.Where(p => selected.Add(p.Name)))
            {
                yield return profile;
            }
        }
    }

    /// <summary>The record of a profile name that is not saved; its message names the saved ones.</summary>
    public static ErrorRecord NotFound(string name) =>
        new(ProfileCatalog.NotFound(name, Environment.GetEnvironmentVariable), ErrorIds.ProfileNotFound, ErrorCategory.ObjectNotFound, name);
}
