namespace SpApi.Core.Files;

/// <summary>
/// A file could not be written because the user may not write there (the folder's or the file's
/// permissions). The message names the file that was to be written, not a temporary name.
/// </summary>
public sealed class FileAccessDeniedException : UnauthorizedAccessException
{
    /// <summary>Creates the exception for <paramref name="target"/>, the file or folder that was to be written.</summary>
    public FileAccessDeniedException(string target, Exception inner)
        : base($"Cannot write {target}: access is denied. Choose a folder you may write to, or change the permissions of {Path.GetDirectoryName(target) ?? target}.", inner)
    {
        Target = target;
    }

    /// <summary>The file (or folder) that was to be written.</summary>
    public string Target { get; }
}

/// <summary>The folder a command writes its files into (Save-, Sync-SpCustomerInvoice, Receive-SpInvoiceExport).</summary>
public static class OutputFolder
{
    /// <summary>
    /// A server value made safe as (part of) a file name: letters, digits, '-' and '_' kept, anything else '_',
    /// so no id can climb out of the folder or name a device.
    /// </summary>
    public static string SafeName(string value) => new(value.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());

    /// <summary>Refuses a path that names an existing file: the command writes files into a folder.</summary>
    public static void Check(string folder, string parameterName = "Path")
    {
        if (File.Exists(folder))
        {
            throw new ArgumentException($"{parameterName}: {folder} is a file, but {parameterName} names the folder to write into. Give a folder (it is created if missing).", parameterName);
        }
    }

    /// <summary>Creates the folder and its parents if missing, after <see cref="Check"/>.</summary>
    public static void Create(string folder, string parameterName = "Path")
    {
        Check(folder, parameterName);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new FileAccessDeniedException(folder, ex);
        }
    }
}

/// <summary>
/// Asks before each file is written, for -WhatIf and -Confirm. <see cref="Preview"/> says that nothing at all
/// will be written (-WhatIf), so a command also leaves out what it writes besides its files (a folder, a lock).
/// </summary>
public sealed class FileWriteApproval
{
    private readonly Func<string, string, CancellationToken, Task<bool>> ask;

    /// <summary>Creates an approval that asks <paramref name="ask"/> (path, action) before each file.</summary>
    public FileWriteApproval(bool preview, Func<string, string, CancellationToken, Task<bool>> ask)
    {
        Preview = preview;
        this.ask = ask ?? throw new ArgumentNullException(nameof(ask));
    }

    /// <summary>Writes everything without asking.</summary>
    public static FileWriteApproval Always { get; } = new(false, (_, _, _) => Task.FromResult(true));

    /// <summary>True when every answer will be no: nothing is to be written.</summary>
    public bool Preview { get; }

    /// <summary>Whether <paramref name="path"/> may be written; <paramref name="action"/> says what would be done.</summary>
    public Task<bool> ApproveAsync(string path, string action, CancellationToken cancellationToken) => ask(path, action, cancellationToken);
}
