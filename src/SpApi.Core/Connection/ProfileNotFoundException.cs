namespace SpApi.Core.Connection;

/// <summary>
/// No saved profile has the name. An ArgumentException, since the name is the caller's input: for
/// Connect-SpApi -ProfileName it is a bad parameter like any other.
/// </summary>
public sealed class ProfileNotFoundException : ArgumentException
{
    /// <summary>Creates the exception for the profile <paramref name="profileName"/>.</summary>
    public ProfileNotFoundException(string profileName, string message, string parameterName)
        : base(message, parameterName) => ProfileName = profileName;

    /// <summary>The name that was asked for.</summary>
    public string ProfileName { get; }
}
