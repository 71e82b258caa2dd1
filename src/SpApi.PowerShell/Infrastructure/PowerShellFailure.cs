using System.Management.Automation;
using System.Management.Automation.Host;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>
/// Recognises PowerShell's own failures (the pipeline stopped, the host could not prompt, an engine error)
/// by their type: each carries its ErrorRecord (<see cref="IContainsErrorRecord"/>). They are not failures
/// of the cmdlet's work, so the cmdlets let them pass through as PowerShell raised them; they never get a validation ErrorId.
/// </summary>
internal static class PowerShellFailure
{
    /// <summary>True when the exception, or one it wraps, is PowerShell's own.</summary>
    public static bool Is(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is IContainsErrorRecord)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the host could not show a diagnostic line: a prompt (Inquire, as -Debug sets in Windows
    /// PowerShell) in a non-interactive session, or a host that lacks the feature. Not a stop the user asked for.
    /// </summary>
    public static bool IsHostUnavailable(Exception exception) =>
        exception is HostException or PSInvalidOperationException;
}
