namespace SpApi.Core.Files;

/// <summary>An input file is larger than the most a command reads of it (<see cref="InputFile.MaxInvoiceFileBytes"/>); nothing of it was used.</summary>
public sealed class InputFileTooLargeException : ArgumentException
{
    /// <summary>Creates the exception; <paramref name="length"/> is null for a file without a length (/dev/zero, a pipe).</summary>
    public InputFileTooLargeException(string path, string parameterName, long limit, long? length)
        : base($"{parameterName}: {path} is larger than {Http.SendTags.Describe(limit)}, the most an input file may hold{(length is { } bytes ? $" ({bytes:N0} bytes)" : " (it has no length and was read up to the limit)")}; nothing of it was used. Split it into smaller files.", parameterName)
    {
        FilePath = path;
        Limit = limit;
    }

    /// <summary>The file.</summary>
    public string FilePath { get; }

    /// <summary>The most bytes read of it.</summary>
    public long Limit { get; }
}
