namespace SpApi.Core.Files;

/// <summary>
/// Opens a file a command reads whole (an invoice file of -Path), so that it is never read past a limit:
/// a regular file is measured before it is read, and anything without a length (/dev/zero, a pipe) is read
/// through a counting stream that stops at the limit, so memory never grows past it.
/// </summary>
public static class InputFile
{
    /// <summary>
    /// 64 MiB. A submission batch is at most 1 MiB and 100 invoices, and one real invoice in the model's JSON is a few
    /// KB, so 64 MiB holds tens of thousands of invoices, far more than any run sends; while the parsed document (a
    /// few times the file's size) stays a size no machine minds.
    /// </summary>
    public const long MaxInvoiceFileBytes = 64L * 1024 * 1024;

    /// <summary>Opens <paramref name="path"/> for reading; <see cref="InputFileTooLargeException"/> (naming <paramref name="parameterName"/>) past <paramref name="limit"/>.</summary>
    public static Stream OpenBounded(string path, string parameterName, long limit = MaxInvoiceFileBytes)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
        if (file.CanSeek && file.Length > limit)
        {
            var length = file.Length;
            file.Dispose();
            throw new InputFileTooLargeException(path, parameterName, limit, length);
        }

        return new LimitedReadStream(file, limit, () => new InputFileTooLargeException(path, parameterName, limit, null));
    }
}
