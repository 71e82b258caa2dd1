using System.Management.Automation;
using SpApi.Core.Diagnostics;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>
/// The base of every SpApi cmdlet: a cancellation token that Ctrl+C (StopProcessing) cancels, one way
/// to run Core work with its output and diagnostics written on the pipeline thread, and one way to
/// turn Core exceptions into ErrorRecords.
/// </summary>
public abstract class SpApiCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource cancellation = new();

    /// <summary>The progress bar in use, if any; rate-limit waits are shown on it as they happen.</summary>
    private protected ProgressRecord? ActiveProgress { get; set; }

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken CancellationToken => cancellation.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        cancellation.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    protected override void StopProcessing() => cancellation.Cancel();

    /// <summary>
    /// Runs Core work on a worker. Whatever it writes through the <see cref="PipelineWriter"/>, and every
    /// diagnostic event of its calls, is written on the pipeline thread as it arrives.
    /// </summary>
    private protected void RunCore(Func<PipelineWriter, CancellationToken, Task> work)
    {
        var pump = new PipelinePump();
        var writer = new PipelineWriter(this, pump, CancellationToken);
        using (SpApiLogScope.Begin(new CmdletLog(e => pump.PostDiagnostic(() => WriteLogEvent(e), CancellationToken))))
        {
            pump.Run(() => work(writer, CancellationToken), cancellation);
        }
    }

    /// <summary>As <see cref="RunCore(Func{PipelineWriter, CancellationToken, Task})"/>, returning the work's result to the pipeline thread.</summary>
    private protected T RunCore<T>(Func<PipelineWriter, CancellationToken, Task<T>> work)
    {
        // The pump runs work without a result; this is the one place that carries one across.
        T result = default!;
        // A block body: an expression lambda would return the assignment's Task<T> and bind to this overload again.
        RunCore(async (writer, ct) => { result = await work(writer, ct).ConfigureAwait(false); });
        return result;
    }

    /// <summary>Builds the ErrorRecord of a failure with its stable ErrorId, category and details.</summary>
    private protected static ErrorRecord ToErrorRecord(Exception exception, string validationErrorId, object? target) =>
        ErrorClassifier.Record(exception, validationErrorId, target);

    /// <summary>Stops the command with the failure, classified as <see cref="ToErrorRecord"/> does.</summary>
    private protected void Terminate(Exception exception, string validationErrorId, object? target = null) =>
        ThrowTerminatingError(ToErrorRecord(exception, validationErrorId, target));

    /// <summary>
    /// The one form of a failure the command cannot go past: runs <paramref name="work"/> and, if it fails,
    /// stops the command with the ErrorRecord the classifier builds. PowerShell's own failures pass untouched.
    /// </summary>
    private protected T OrTerminate<T>(Func<T> work, string validationErrorId, object? target = null)
    {
        try
        {
            return work();
        }
        catch (Exception ex) when (!PowerShellFailure.Is(ex))
        {
            Terminate(ex, validationErrorId, target);
            throw; // Not reached: ThrowTerminatingError always throws.
        }
    }

    /// <summary>As <see cref="OrTerminate{T}(Func{T}, string, object?)"/>, for work without a result.</summary>
    private protected void OrTerminate(Action work, string validationErrorId, object? target = null) =>
        OrTerminate(() => { work(); return true; }, validationErrorId, target);

    /// <summary>Runs Core work as <see cref="OrTerminate{T}(Func{T}, string, object?)"/> does; for commands whose whole purpose is the one call.</summary>
    private protected void RunCoreOrTerminate(Func<PipelineWriter, CancellationToken, Task> work, string validationErrorId, object? target = null) =>
        OrTerminate(() => RunCore(work), validationErrorId, target);

    /// <summary>As <see cref="RunCoreOrTerminate(Func{PipelineWriter, CancellationToken, Task}, string, object?)"/>, returning the work's result.</summary>
    private protected T RunCoreOrTerminate<T>(Func<PipelineWriter, CancellationToken, Task<T>> work, string validationErrorId, object? target = null) =>
        OrTerminate(() => RunCore(work), validationErrorId, target);

    /// <summary>
    /// The one form of a per-item failure: runs <paramref name="work"/> and, if it fails, writes the classifier's
    /// ErrorRecord as a non-terminating error, so the next item still runs. Says whether the work succeeded.
    /// </summary>
    private protected bool OrWriteError(Action work, string validationErrorId, object? target)
    {
        try
        {
            work();
            return true;
        }
        catch (Exception ex) when (!PowerShellFailure.Is(ex))
        {
            WriteError(ToErrorRecord(ex, validationErrorId, target));
            return false;
        }
    }

    /// <summary>As <see cref="OrWriteError(Action, string, object?)"/>, returning the work's result, or null after a failure.</summary>
    private protected T? OrWriteError<T>(Func<T> work, string validationErrorId, object? target)
        where T : class
    {
        T? result = null;
        // A block body, so the lambda is an Action and does not bind to this overload again.
        return OrWriteError(() => { result = work(); }, validationErrorId, target) ? result : null;
    }

    /// <summary>Runs Core work as <see cref="OrWriteError(Action, string, object?)"/> does; for per-item work.</summary>
    private protected void RunCoreOrWriteError(Func<PipelineWriter, CancellationToken, Task> work, string validationErrorId, object? target) =>
        OrWriteError(() => RunCore(work), validationErrorId, target);

    /// <summary>
    /// Writes a warning while the pipeline is stopping (Ctrl+C), when PowerShell refuses WriteWarning with a
    /// PipelineStoppedException: then it goes to the host, which shows it in a console and passes it to the warning
    /// stream of a [powershell] instance (tested in pwsh 7.6). -WarningAction SilentlyContinue or Ignore, or
    /// $WarningPreference, still silence it, as they would WriteWarning.
    /// </summary>
    private protected void WriteWarningWhileStopping(string text)
    {
        try
        {
            WriteWarning(text);
        }
        catch (PipelineStoppedException)
        {
            if (WarningsWanted())
            {
                Host.UI.WriteWarningLine(text);
            }
        }
    }

    private bool WarningsWanted()
    {
        var preference = MyInvocation.BoundParameters.TryGetValue("WarningAction", out var action) ? action : GetVariableValue("WarningPreference");
        return !(LanguagePrimitives.TryConvertTo(preference, out ActionPreference value) && value is ActionPreference.SilentlyContinue or ActionPreference.Ignore);
    }

    /// <summary>Runs <paramref name="run"/> with a progress bar that is completed when it ends, however it ends.</summary>
    private protected void WithProgress(ProgressRecord record, Action run)
    {
        ActiveProgress = record;
        try
        {
            run();
        }
        finally
        {
            record.RecordType = ProgressRecordType.Completed;
            WriteProgress(record);
            ActiveProgress = null;
        }
    }

    /// <summary>Where Core work reports its progress: each report is applied to the active bar on the pipeline thread.</summary>
    private protected IProgress<T> ProgressBar<T>(PipelineWriter writer, Action<ProgressRecord, T> apply) =>
        new Reporter<T>(report => writer.Run(() =>
        {
            if (ActiveProgress is { } bar)
            {
                apply(bar, report);
                WriteProgress(bar);
            }
        }));

    /// <summary>
    /// Writes a verbose line, as <see cref="Cmdlet.WriteVerbose(string)"/> does, except under -Debug without -Verbose:
    /// then it goes to the debug stream, so it is shown without asking (see <see cref="CmdletLog.VerboseGoesToDebug"/>).
    /// It hides the base method, so every cmdlet's WriteVerbose, and the request log's, takes this one way.
    /// </summary>
    public new void WriteVerbose(string text)
    {
        if (CmdletLog.VerboseGoesToDebug(MyInvocation.BoundParameters))
        {
            WriteDebug(text);
        }
        else
        {
            base.WriteVerbose(text);
        }
    }

    private void WriteLogEvent(SpApiLogEvent logEvent)
    {
        if (logEvent.Kind == SpApiLogKind.RateLimitWait && ActiveProgress is { } progress)
        {
            progress.CurrentOperation = $"Waiting {logEvent.Delay?.TotalSeconds:0.###} s for the {logEvent.Operation} rate limit";
            WriteProgress(progress);
        }

        if (logEvent.Level == SpApiLogLevel.Debug)
        {
            WriteDebug(logEvent.ToString());
        }
        else
        {
            WriteVerbose(logEvent.ToString());
        }
    }
}
