using System.Text;
using SpApi.Core.Diagnostics;
using SpApi.Core.Files;

namespace SpApi.Core.Limits;

/// <summary>
/// A bucket kept in a file that every process of the OS user on this machine shares, so that overlapping scheduled
/// tasks and scripts pace one (application, account, operation) together, as Amazon counts them. Each update holds
/// the file exclusively for one read and one write (<see cref="ExclusiveFile"/>: the OS drops the lock of a process
/// that dies). When the file cannot be used, the bucket goes on in this process alone, from the last state it saw,
/// and the log says so once.
/// </summary>
internal sealed class FileBucketStore : IBucketStore
{
    private readonly object gate = new();
    private readonly string path;
    private readonly string operation;
    private readonly TimeSpan lockTimeout;
    private readonly byte[] buffer = new byte[256];
    private BucketState? lastSeen;
    private bool folderMade;
    private MemoryBucketStore? alone;

    public FileBucketStore(string path, string operation, TimeSpan lockTimeout)
    {
        this.path = path;
        this.operation = operation;
        this.lockTimeout = lockTimeout;
    }

    public BucketState Update(Func<BucketState?, BucketState> change, ISpApiLog? log)
    {
        // One caller of this process at a time: the others wait on this monitor rather than spin on the file.
        lock (gate)
        {
            if (alone is not null)
            {
                return alone.Update(change, log);
            }

            FileStream? file;
            try
            {
                // Once per process: a folder removed later fails the open, and the bucket then paces alone.
                if (!folderMade)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    folderMade = true;
                }

                file = ExclusiveFile.TryOpen(path, lockTimeout);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                return GoAlone($"{path} cannot be used ({ex.Message})", change, log);
            }

            if (file is null)
            {
                return GoAlone($"another process held {path} for more than {lockTimeout.TotalSeconds:0.###} s", change, log);
            }

            using (file)
            {
                try
                {
                    var next = change(Read(file, log));
                    Write(file, next);
                    lastSeen = next;
                    return next;
                }
                catch (IOException ex)
                {
                    return GoAlone($"{path} could not be read or written ({ex.Message})", change, log);
                }
            }
        }
    }

    private BucketState? Read(FileStream file, ISpApiLog? log)
    {
        var length = file.Read(buffer, 0, buffer.Length);
        if (length == 0)
        {
            return null;
        }

        if (length < buffer.Length && BucketState.TryParse(Encoding.ASCII.GetString(buffer, 0, length), out var state))
        {
            return state;
        }

        // A torn write of a process killed mid-update, or an edit. Starting over as a fresh bucket can at worst send one
        // burst early, which Amazon's 429 and the retry absorb; the next write repairs the file.
        SpApiLogScope.Write(log, new SpApiLogEvent(
            SpApiLogLevel.Verbose, SpApiLogKind.RateLimitShared, operation,
            $"the shared rate-limit state in {path} was unreadable; it starts over as a full bucket"));
        return null;
    }

    private static void Write(FileStream file, BucketState state)
    {
        var bytes = Encoding.ASCII.GetBytes(state.ToText());
        file.Position = 0;
        file.Write(bytes, 0, bytes.Length);
        file.SetLength(bytes.Length);
    }

    private BucketState GoAlone(string reason, Func<BucketState?, BucketState> change, ISpApiLog? log)
    {
        alone = new MemoryBucketStore(lastSeen);
        SpApiLogScope.Write(log, new SpApiLogEvent(
            SpApiLogLevel.Verbose, SpApiLogKind.RateLimitShared, operation,
            $"{operation} is paced in this process only, not with the user's other processes: {reason}"));
        return alone.Update(change, log);
    }
}
