using System.Management.Automation;
using SpApi.Core.Connection;
using SpApi.PowerShell.Completers;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Removes saved profiles from the profile file, with -WhatIf and -Confirm. Takes the names from the pipeline,
/// by value or by property name (Get-SpApiProfile's output). A name without wildcards that is not saved is the
/// non-terminating error ProfileNotFound. Connections opened from a removed profile stay open.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "SpApiProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Root + "Remove-SpApiProfile.md")]
[OutputType(typeof(SpApiProfileInfo))]
public sealed class RemoveSpApiProfileCommand : SpApiCmdlet
{
    /// <summary>The profile names to remove; wildcards are allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ProfileNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>Outputs each removed profile (without its secrets).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var profiles = OrTerminate(() => ProfileCatalog.List(Environment.GetEnvironmentVariable), ErrorIds.InvalidProfileParameter);
        foreach (var profile in ProfileSelection.Select(this, profiles, Name))
        {
            if (!ShouldProcess($"profile '{profile.Name}' in {profile.Path}", "Remove SP-API profile"))
            {
                continue;
            }

            var removed = OrTerminate(() => ProfileCatalog.Remove(profile.Name, Environment.GetEnvironmentVariable), ErrorIds.InvalidProfileParameter, profile.Name);
            if (removed is null)
            {
                // Another process removed it since the file was read.
                WriteError(ProfileSelection.NotFound(profile.Name));
                continue;
            }

            if (PassThru)
            {
                WriteObject(removed);
            }
        }
    }
}
