using System.Management.Automation;
using SpApi.Core.Connection;
using SpApi.PowerShell.Completers;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Gets the saved profiles: name, client id, region, endpoints and how the secrets are protected, never the
/// secrets themselves. A name without wildcards that is not saved is the non-terminating error ProfileNotFound.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SpApiProfile", HelpUri = HelpLinks.Root + "Get-SpApiProfile.md")]
[OutputType(typeof(SpApiProfileInfo))]
public sealed class GetSpApiProfileCommand : SpApiCmdlet
{
    /// <summary>The profile names to get; wildcards are allowed. All profiles when not given.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ProfileNameCompleter))]
    public string[] Name { get; set; } = { "*" };

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        // A profile file that cannot be read stops the command: no other name would fare better.
        var profiles = OrTerminate(() => ProfileCatalog.List(Environment.GetEnvironmentVariable), ErrorIds.InvalidProfileParameter);
        foreach (var profile in ProfileSelection.Select(this, profiles, Name))
        {
            WriteObject(profile);
        }
    }
}
