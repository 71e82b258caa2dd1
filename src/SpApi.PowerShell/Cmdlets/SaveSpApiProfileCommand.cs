using System.Management.Automation;
using SpApi.Core.Connection;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Saves credentials and endpoint settings as a named profile for Connect-SpApi -ProfileName, after checking
/// them with a token exchange (-SkipCheck saves offline). On Windows the secrets are encrypted with DPAPI for
/// the current user; elsewhere the file is readable by its owner only.
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

    /// <summary>Saves without checking the credentials with Login with Amazon, for example on a computer that is offline.</summary>
    [Parameter]
    public SwitchParameter SkipCheck { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var path = ProfileNames.StorePath(ReadEnvironment);
        if (!ShouldProcess($"profile '{Name}' in {path}", "Save SP-API profile"))
        {
            return;
        }

        var request = BuildRequest(profileName: null);
        var saved = SkipCheck
            ? OrTerminate(() => ProfileWriter.Save(Name, request, Force.IsPresent, ReadEnvironment), ErrorIds.InvalidProfileParameter, Name)
            : RunCoreOrTerminate(
                (_, ct) => ProfileWriter.SaveCheckedAsync(Name, request, Force.IsPresent, ReadEnvironment, ct), ErrorIds.InvalidProfileParameter, Name);
        WriteVerbose(SkipCheck
            ? $"Saved profile '{saved.Name}' in {saved.Path} without checking its credentials."
            : $"Login with Amazon accepted the credentials of {saved.ClientId}; saved profile '{saved.Name}' in {saved.Path}.");
        WriteObject(saved);
    }
}
