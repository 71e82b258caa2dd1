using SpApi.PowerShell.Infrastructure;

namespace SpApi.Tests.PowerShell;

/// <summary>
/// Under -Debug alone, PowerShell would make each verbose line of a compiled cmdlet ask "Continue with this operation?"
/// (VerbosePreference Inquire); the module sends those lines to the debug stream instead, which -Debug shows at Continue.
/// The values are bools, as a splatted -Debug:$true binds: the SwitchParameter of the compile-time PowerShell library this
/// project runs against is a stub, so the switch form is covered in the real pwsh (tests/Pester/Messages.Tests.ps1).
/// </summary>
public sealed class DebugStreamTests
{
    [Theory]
    [InlineData("-Debug", true, null, true)]
    [InlineData("-Debug:$false", false, null, false)]
    [InlineData("-Debug -Verbose", true, true, false)]
    [InlineData("-Debug -Verbose:$false", true, false, false)]
    [InlineData("-Verbose", null, true, false)]
    [InlineData("neither", null, null, false)]
    public void VerboseLinesGoToTheDebugStreamOnlyUnderDebugWithoutVerbose(string line, bool? debug, bool? verbose, bool expected)
    {
        var bound = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        if (debug is { } debugValue)
        {
            bound["Debug"] = debugValue;
        }

        if (verbose is { } verboseValue)
        {
            bound["Verbose"] = verboseValue;
        }

        Assert.True(expected == CmdletLog.VerboseGoesToDebug(bound), line);
    }
}
