namespace SpApi.PowerShell.Infrastructure;

/// <summary>Parameter-set names shared by the cmdlets.</summary>
public static class ParameterSets
{
    /// <summary>Credentials as -ClientId and -ClientSecret.</summary>
    public const string ClientSecret = "ClientSecret";

    /// <summary>Credentials as a PSCredential (user name = client id, password = client secret).</summary>
    public const string Credential = "Credential";

    /// <summary>Credentials from a named profile.</summary>
    public const string Profile = "Profile";

    /// <summary>Credentials from the SPAPI_* environment variables.</summary>
    public const string Environment = "Environment";
}
