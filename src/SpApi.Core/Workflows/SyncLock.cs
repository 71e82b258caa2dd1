using System.Diagnostics;
using System.Runtime.InteropServices;
using SpApi.Core.Files;

namespace SpApi.Core.Workflows;

/// <summary>
/// The lock of one sync folder: a file held open exclusively for the whole run. The OS releases it
/// when the process ends, however it ends, so a lock file that can be opened again but still has
/// content was left by a run that crashed: that is the stale lock, reported and taken over.
/// </summary>
internal sealed class SyncLock : IDisposable
{
    public const string FileName = ".spapi-sync.lock";

    private readonly FileStream stream;
    private readonly string path;

    private SyncLock(FileStream stream, string path, string? staleOwner)
    {
        this.stream = stream;
        this.path = path;
        StaleOwner = staleOwner;
    }

    /// <summary>Who held the lock when a run crashed, or null when the last run ended cleanly.</summary>
    public string? StaleOwner { get; }

    public static SyncLock Acquire(string folder, DateTimeOffset now)
    {
        var path = Path.Combine(folder, FileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException ex)
        {
            // The lock is the run's first file: a folder the user may not write to stops the run here.
            throw new FileAccessDeniedException(path, ex);
        }
        catch (IOException ex)
        {
            var owner = TryRead(path);
            throw new SyncLockedException(
                $"Another Sync-SpCustomerInvoice run is using {folder}{(owner is null ? string.Empty : $" ({owner})")}. Wait for it to finish; this run changed nothing.", ex);
        }

        string? stale;
        using (var reader = new StreamReader(stream, System.Text.Encoding.UTF8, false, 1024, leaveOpen: true))
        {
            stale = reader.ReadToEnd().Trim();
        }

        stream.SetLength(0);
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1024, leaveOpen: true))
        {
            using var process = Process.GetCurrentProcess();
            writer.Write($"process {process.Id} on {Environment.MachineName}, started {now:u}");
        }

        stream.Flush(flushToDisk: true);
        return new SyncLock(stream, path, string.IsNullOrEmpty(stale) ? null : stale);
    }

    public void Dispose()
    {
        // Empty the file before letting go, so the next run sees a clean end even if the delete fails.
        stream.SetLength(0);
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            // Unix deletes a file that another process holds, so delete while the lock is still ours:
            // after the close, the file at this path may be the next run's, locked.
            File.Delete(path);
            stream.Dispose();
            return;
        }

        // Windows cannot delete a file held open without sharing, so the delete comes after the close.
        stream.Dispose();
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Another run took the lock between the close and the delete: the file is now theirs.
        }
    }

    private static string? TryRead(string path)
    {
        try
        {
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return reader.ReadToEnd().Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }
}

/// <summary>Another run holds the sync folder's lock.</summary>
public sealed class SyncLockedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public SyncLockedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
