namespace SpApi.Core.Connection;

/// <summary>
/// The profile file cannot be used as one: its path names a folder. An IOException, as any unreadable file is, so
/// the profile-name completer offers nothing rather than failing at the prompt.
/// </summary>
public sealed class ProfileFileException : IOException
{
    /// <summary>Creates the exception for the file at <paramref name="path"/>.</summary>
    public ProfileFileException(string path, string problem)
        : base($"The profile file {path} {problem}")
    {
        Path = path;
    }

    /// <summary>The profile file's path.</summary>
    public string Path { get; }
}
