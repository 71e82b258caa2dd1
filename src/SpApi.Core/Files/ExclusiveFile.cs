using System.Diagnostics;

namespace SpApi.Core.Files;

/// <summary>
/// A file opened for reading and writing with no sharing: the OS's own lock (the share mode on Windows, flock on
/// Unix), which it releases when the handle closes or the process ends, however it ends. So a crashed holder never
/// leaves a lock behind, and no lock needs an owner record or an expiry.
/// </summary>
internal static class ExclusiveFile
{
    /// <summary>
    /// Opens <paramref name="path"/>, creating it, for this caller alone. While another holder has it, tries again
    /// until <paramref name="timeout"/> has passed and then returns null. Anything else the OS refuses (no access, a
    /// folder at that path, a missing folder) is thrown at once: waiting would not change it.
    /// </summary>
    public static FileStream? TryOpen(string path, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            }
            catch (IOException ex) when (IsHeldByAnother(ex))
            {
                if (waited.Elapsed >= timeout)
                {
                    return null;
                }

                // Holders keep these files for the few microseconds of a read and a write.
                Thread.Sleep(1);
            }
        }
    }

    // A sharing violation (Windows) or a refused flock (Unix) is a plain IOException; the subclasses say the path is wrong.
    private static bool IsHeldByAnother(IOException ex) =>
        ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException or DriveNotFoundException or EndOfStreamException);
}
