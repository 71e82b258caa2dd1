using System.Management.Automation;
using System.Security;
using SpApi.Core.Connection;
using SpApi.Core.Endpoints;
using SpApi.PowerShell.Completers;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>The credential and endpoint parameters that Connect-SpApi and Save-SpApiProfile share.</summary>
public abstract class ConnectionParametersCmdlet : SpApiCmdlet
{
    // Boxed: a field of one of Core's value types would make PowerShell load SpApi.Core to read the cmdlet types,
    // before the module's load context exists (docs/loading.md, CmdletTypesTests).
    private object? region;

    /// <summary>The LWA client id of the app (amzn1.application-oa2-client.…).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParameterSets.ClientSecret)]
    [ValidateNotNullOrEmpty]
    public string? ClientId { get; set; }

    /// <summary>The LWA client secret of the app.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParameterSets.ClientSecret)]
    [ValidateNotNull]
    public SecureString? ClientSecret { get; set; }

    /// <summary>The client id as the user name and the client secret as the password.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParameterSets.Credential)]
    [ValidateNotNull]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The selling partner's LWA refresh token (Atzr|…).</summary>
    [Parameter(ParameterSetName = ParameterSets.ClientSecret)]
    [Parameter(ParameterSetName = ParameterSets.Credential)]
    [ValidateNotNull]
    public SecureString? RefreshToken { get; set; }

    /// <summary>A scope for grantless operations (client_credentials grant), instead of a refresh token.</summary>
    [Parameter(ParameterSetName = ParameterSets.ClientSecret)]
    [Parameter(ParameterSetName = ParameterSets.Credential)]
    [ValidateNotNullOrEmpty]
    public string? Scope { get; set; }

    /// <summary>The SP-API region: NA, EU or FE.</summary>
    [Parameter]
    public SpApiRegion? Region
    {
        get => (SpApiRegion?)region;
        set => region = value;
    }

    /// <summary>The default marketplace id; it implies the region.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(MarketplaceIdCompleter))]
    public string? MarketplaceId { get; set; }

    /// <summary>Use the region's SP-API sandbox host.</summary>
    [Parameter]
    public SwitchParameter Sandbox { get; set; }

    /// <summary>A custom SP-API endpoint, such as a gateway or the local sandbox. Plain http only for loopback.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? Endpoint { get; set; }

    /// <summary>A custom LWA token endpoint. Plain http only for loopback.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? TokenEndpoint { get; set; }

    /// <summary>Reads an environment variable; PowerShell's $env: drive writes the process environment.</summary>
    private protected static string? ReadEnvironment(string name) => System.Environment.GetEnvironmentVariable(name);

    /// <summary>The request these parameters describe.</summary>
    private protected ConnectionRequest BuildRequest(string? profileName) => new()
    {
        ClientId = Credential?.UserName ?? ClientId,
        ClientSecret = SecureStrings.ToSecret(Credential?.Password ?? ClientSecret, Credential is null ? nameof(ClientSecret) : nameof(Credential)),
        RefreshToken = SecureStrings.ToSecret(RefreshToken, nameof(RefreshToken)),
        Scope = Scope,
        ProfileName = profileName,
        Region = Region,
        MarketplaceId = MarketplaceId,
        Sandbox = Sandbox.IsPresent,
        Endpoint = Endpoint,
        TokenEndpoint = TokenEndpoint,
    };
}
