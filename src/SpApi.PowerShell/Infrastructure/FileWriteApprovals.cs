using System.Management.Automation;
using SpApi.Core.Files;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>
/// -WhatIf and -Confirm for files that Core writes while it runs: each file is put to ShouldProcess, with its
/// path as the target, on the pipeline thread, and the work waits for the answer.
/// </summary>
internal static class FileWriteApprovals
{
    /// <summary>The approval Core asks before each file; call inside RunCore, with its writer.</summary>
    public static FileWriteApproval For(PSCmdlet cmdlet, PipelineWriter writer) =>
        new(WhatIfInEffect(cmdlet), (path, action, ct) => AskAsync(writer, () => cmdlet.ShouldProcess(path, action), ct));

    /// <summary>
    /// Whether -WhatIf (or $WhatIfPreference) is in effect, so that every ShouldProcess will say no and the
    /// command can leave out what it writes besides its files (a folder, a lock).
    /// </summary>
    public static bool WhatIfInEffect(PSCmdlet cmdlet) =>
        cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var given)
            ? given is SwitchParameter { IsPresent: true }
            : LanguagePrimitives.IsTrue(cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference"));

    private static async Task<bool> AskAsync(PipelineWriter writer, Func<bool> question, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => answer.TrySetCanceled()))
        {
            writer.Run(() =>
            {
                try
                {
                    answer.TrySetResult(question());
                }
                catch (Exception ex)
                {
                    // The pump rethrows it on the pipeline thread (the user stopped at the prompt); the work must not wait on.
                    answer.TrySetException(ex);
                    throw;
                }
            });
            return await answer.Task.ConfigureAwait(false);
        }
    }
}
