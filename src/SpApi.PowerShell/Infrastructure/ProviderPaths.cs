using System.Collections.ObjectModel;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>
/// PowerShell paths for the cmdlets that read or write files. Every path is resolved by PowerShell's provider,
/// as Get-Item resolves it: relative to the current location ($PWD, which is not the process's current
/// directory), with ~ and PSDrives, and it must be on the file system.
/// </summary>
internal static class ProviderPaths
{
    /// <summary>
    /// The folder that <paramref name="path"/> names, for a command that writes into it. A path on another
    /// provider (Env:, HKLM:, Variable:), on a drive that does not exist, naming an existing file, or holding a
    /// character no path may hold (a NUL) is an ArgumentException naming the parameter, before any request.
    /// </summary>
    public static OutputLocation Folder(PSCmdlet cmdlet, string path, string parameterName = "Path")
    {
        SpApi.Core.Files.PathText.RequireValid(path, parameterName);
        string providerPath;
        ProviderInfo provider;
        PSDriveInfo? drive;
        try
        {
            providerPath = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out drive);
        }
        catch (SessionStateException ex)
        {
            // Not wrapped: the cmdlets let PowerShell's own exceptions pass through unclassified.
            throw new ArgumentException($"{parameterName}: {ex.Message}", parameterName);
        }

        RequireFileSystem(provider, path, parameterName);
        SpApi.Core.Files.OutputFolder.Check(providerPath, parameterName);
        return new OutputLocation(providerPath, drive);
    }

    /// <summary>
    /// The files that an input <paramref name="path"/> names: every match of its wildcards, or, with
    /// <paramref name="literal"/> (-LiteralPath), the one file it names as written. A path that matches nothing,
    /// that is not on the file system, or that holds a character no path may hold (a NUL), is an error record for
    /// that path (the caller reads the other paths).
    /// </summary>
    public static IReadOnlyList<string> InputFiles(PSCmdlet cmdlet, string path, bool literal, string parameterName, string errorId, out ErrorRecord? error)
    {
        error = null;
        try
        {
            SpApi.Core.Files.PathText.RequireValid(path, parameterName);
        }
        catch (ArgumentException ex)
        {
            error = new ErrorRecord(ex, errorId, ErrorCategory.InvalidArgument, path);
            return Array.Empty<string>();
        }

        ProviderInfo provider;
        IReadOnlyList<string> files;
        try
        {
            if (literal)
            {
                files = new[] { cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _) };
            }
            else
            {
                Collection<string> matches = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
                files = matches;
            }
        }
        catch (SessionStateException ex)
        {
            error = new ErrorRecord(new ArgumentException($"{parameterName}: {ex.Message}", parameterName), errorId, ErrorCategory.ObjectNotFound, path);
            return Array.Empty<string>();
        }

        if (!IsFileSystem(provider))
        {
            error = new ErrorRecord(NotFileSystem(provider, path, parameterName), errorId, ErrorCategory.InvalidArgument, path);
            return Array.Empty<string>();
        }

        if (files.Count == 0)
        {
            error = new ErrorRecord(new ArgumentException($"{parameterName}: no file matches '{path}'.", parameterName), errorId, ErrorCategory.ObjectNotFound, path);
        }

        return files;
    }

    private static void RequireFileSystem(ProviderInfo provider, string path, string parameterName)
    {
        if (!IsFileSystem(provider))
        {
            throw NotFileSystem(provider, path, parameterName);
        }
    }

    private static bool IsFileSystem(ProviderInfo provider) => provider.ImplementingType == typeof(FileSystemProvider);

    private static ArgumentException NotFileSystem(ProviderInfo provider, string path, string parameterName) =>
        new($"{parameterName}: '{path}' is on the {provider.Name} provider; {parameterName} must be a path of the file system (a folder or file on a FileSystem drive).", parameterName);
}

/// <summary>
/// A folder a command writes into, as the file system sees it (<see cref="ProviderPath"/>, what Core gets),
/// and the PSDrive the user named it on, so that the files written come back as Get-Item would give them.
/// </summary>
internal sealed class OutputLocation
{
    private static readonly char[] Separators = { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar };
    private readonly PSDriveInfo? drive;

    public OutputLocation(string providerPath, PSDriveInfo? drive)
    {
        ProviderPath = providerPath;
        this.drive = drive;
    }

    /// <summary>The folder's full path on the file system.</summary>
    public string ProviderPath { get; }

    /// <summary>
    /// The file as the FileSystem provider's item: the FileInfo with PSPath, PSParentPath, PSChildName, PSDrive and
    /// PSProvider, which PowerShell's default view needs for Mode, UnixMode, User and Size. Call on the pipeline thread.
    /// </summary>
    public PSObject Item(PSCmdlet cmdlet, string file)
    {
        // A literal path to a file that exists: the provider gives exactly that one item.
        return cmdlet.InvokeProvider.Item.Get(new[] { PowerShellPath(file) }, true, true)[0];
    }

    // On a drive of its own (New-PSDrive, TestDrive:), the file is named through that drive, so PSDrive is the one the
    // user gave; on a drive that is a whole volume (C:, /), the full path already names it.
    private string PowerShellPath(string file)
    {
        if (drive is null || string.IsNullOrEmpty(drive.Root))
        {
            return file;
        }

        var root = drive.Root.TrimEnd(Separators);
        var isVolume = string.Equals(Path.GetPathRoot(drive.Root)?.TrimEnd(Separators), root, StringComparison.OrdinalIgnoreCase);
        var under = file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return isVolume || !under ? file : $"{drive.Name}:{Path.DirectorySeparatorChar}{file.Substring(root.Length + 1)}";
    }
}
