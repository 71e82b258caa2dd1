using System.Management.Automation;
using SpApi.Core.Connection;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Saves credentials and endpoint settings as a named profile for Connect-SpApi -ProfileName. On Windows
/// the secrets are encrypted with DPAPI for the current user; elsewhere the file is readable by its owner only.
/// </summary>
[Cmdlet(VerbsData.Save, "SpApiProfile", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.ClientSecret, HelpUri = HelpLinks.Root + "Save-SpApiProfile.md")]
[OutputType(typeof(SpApiProfileInfo))]
public sealed class SaveSpApiProfileCommand : ConnectionParametersCmdlet
{
    /// <summary>The profile name.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>Replaces an existing profile of the same name.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var path = ProfileNames.StorePath(ReadEnvironment);
        if (!ShouldProcess($"profile '{Name}' in {path}", "Save SP-API profile"))
        {
            return;
        }

        WriteObject(OrTerminate(() => ProfileWriter.Save(Name, BuildRequest(profileName: null), Force.IsPresent, ReadEnvironment), ErrorIds.InvalidProfileParameter, Name));
    }
}
