using System.Management.Automation;
using SpApi.Core.Connection;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>Picks saved profiles by -Name, as Get-Item picks items: a pattern may match none, a plain name must match one.</summary>
internal static class ProfileSelection
{
    /// <summary>
    /// The profiles that <paramref name="names"/> match (names ignore case, as the profile file does), each once, in
    /// the file's order. For a name without wildcards that matches none, <paramref name="cmdlet"/> writes ProfileNotFound.
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
                cmdlet.WriteError(NotFound(name, profiles));
            }

            foreach (var profile in matches.Where(p => selected.Add(p.Name)))
            {
                yield return profile;
            }
        }
    }

    /// <summary>The record of a profile name that is not saved, naming the ones that are.</summary>
    public static ErrorRecord NotFound(string name, IReadOnlyList<SpApiProfileInfo> profiles)
    {
        var message = profiles.Count == 0
            ? $"There is no profile named '{name}': no profile is saved. Save one with Save-SpApiProfile."
            : $"There is no profile named '{name}' in {profiles[0].Path}. Saved profiles: {string.Join(", ", profiles.Select(p => p.Name))}.";
        return new ErrorRecord(new ProfileNotFoundException(name, message, "Name"), ErrorIds.ProfileNotFound, ErrorCategory.ObjectNotFound, name);
    }
}
