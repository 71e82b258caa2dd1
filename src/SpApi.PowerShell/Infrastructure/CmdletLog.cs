using System.Collections;
using System.Management.Automation;
using SpApi.Core.Diagnostics;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>Turns Core diagnostic events into WriteVerbose / WriteDebug calls on the pipeline thread.</summary>
internal sealed class CmdletLog : ISpApiLog
{
    private readonly Action<SpApiLogEvent> post;

    public CmdletLog(Action<SpApiLogEvent> post) => this.post = post;

    public void Write(SpApiLogEvent logEvent) => post(logEvent);

    /// <summary>
    /// True when the command's verbose lines go to the debug stream: -Debug without -Verbose. PowerShell gives a
    /// compiled cmdlet run with -Debug a VerbosePreference of Inquire, so each verbose line would ask "Continue with
    /// this operation?"; PowerShell 7.4+ runs scripts and advanced functions with -Debug at Continue, without asking.
    /// The debug stream shows at Continue under -Debug, so the lines are shown, in order with the headers, and
    /// nothing asks. An explicit -Verbose (or -Verbose:$false) keeps the verbose stream and its own preference.
    /// </summary>
    public static bool VerboseGoesToDebug(IDictionary boundParameters) =>
        boundParameters.Contains("Debug") && !boundParameters.Contains("Verbose") && IsOn(boundParameters["Debug"]);

    private static bool IsOn(object? value) => value switch
    {
        SwitchParameter switchParameter => switchParameter.IsPresent,
        bool flag => flag,
        _ => false,
    };
}
