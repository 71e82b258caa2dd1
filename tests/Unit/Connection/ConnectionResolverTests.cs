using SpApi.Core.Connection;
using SpApi.Core.Endpoints;
using SpApi.Core.Security;
using SpApi.Tests.Support;

namespace SpApi.Tests.Connection;

/// <summary>Connect-SpApi's credential sources and endpoint rules.</summary>
public sealed class ConnectionResolverTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-profiles-").FullName;
    private readonly Dictionary<string, string?> environment = new();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void ParametersAreUsedWhenGiven()
    {
        environment[ConnectionResolver.ClientIdVariable] = "env-client";
        environment[ConnectionResolver.ClientSecretVariable] = "env-secret";
        environment[ConnectionResolver.RefreshTokenVariable] = "Atzr|env";

        var resolved = Resolve(new ConnectionRequest
        {
            ClientId = "param-client",
            ClientSecret = new SpApiSecret("secret"),
            RefreshToken = new SpApiSecret("Atzr|param"),
            MarketplaceId = "A21TJRUUN4KGV",
        });

        Assert.Equal(CredentialSource.Parameters, resolved.Source);
        Assert.Equal("param-client", resolved.Credentials.ClientId);
        Assert.Equal(SpApiRegion.EU, resolved.Region);
        Assert.Equal(new Uri("https://sellingpartnerapi-eu.amazon.com/"), resolved.Endpoint);
        Assert.Equal(new Uri("https://api.amazon.com/auth/o2/token"), resolved.TokenEndpoint);
    }

    [Fact]
    public void EnvironmentVariablesAreTheFallback()
    {
        environment[ConnectionResolver.ClientIdVariable] = "env-client";
        environment[ConnectionResolver.ClientSecretVariable] = "env-secret";
        environment[ConnectionResolver.RefreshTokenVariable] = "Atzr|env";
        environment[ConnectionResolver.EndpointVariable] = "http://127.0.0.1:5055/";
        environment[ConnectionResolver.TokenEndpointVariable] = "http://127.0.0.1:5055/auth/o2/token";

        var resolved = Resolve(new ConnectionRequest());

        Assert.Equal(CredentialSource.Environment, resolved.Source);
        Assert.Equal("env-client", resolved.Credentials.ClientId);
        Assert.Equal(new Uri("http://127.0.0.1:5055/"), resolved.Endpoint);
        Assert.Equal(new Uri("http://127.0.0.1:5055/auth/o2/token"), resolved.TokenEndpoint);
    }

    [Fact]
    public void AProfileIsReadAndItsSecretsRecovered()
    {
        SaveProfile("india", new ConnectionRequest
        {
            ClientId = "profile-client",
            ClientSecret = new SpApiSecret("profile-secret"),
            RefreshToken = new SpApiSecret("Atzr|profile"),
            MarketplaceId = "A21TJRUUN4KGV",
            Sandbox = true,
        });

        var resolved = Resolve(new ConnectionRequest { ProfileName = "INDIA" });

        Assert.Equal(CredentialSource.Profile, resolved.Source);
        Assert.Equal("INDIA", resolved.ProfileName);
        Assert.Equal("profile-client", resolved.Credentials.ClientId);
        Assert.Equal("profile-secret", resolved.Credentials.ClientSecret.Reveal());
        Assert.Equal("Atzr|profile", resolved.Credentials.RefreshToken!.Reveal());
        Assert.Equal(new Uri("https://sandbox.sellingpartnerapi-eu.amazon.com/"), resolved.Endpoint);
    }

    [Fact]
    public void AMissingProfileIsAnErrorEvenWhenTheEnvironmentHasCredentials()
    {
        environment[ConnectionResolver.ClientIdVariable] = "env-client";
        environment[ConnectionResolver.ClientSecretVariable] = "env-secret";
        environment[ConnectionResolver.RefreshTokenVariable] = "Atzr|env";
        SaveProfile("other", Complete());

        var error = Assert.Throws<ProfileNotFoundException>(() => Resolve(new ConnectionRequest { ProfileName = "missing", Region = SpApiRegion.EU }));

        Assert.Equal("ProfileName", error.ParamName);
        Assert.Contains("'missing' does not exist", error.Message);
        Assert.Contains("other", error.Message);
    }

    [Fact]
    public void AProfileFileThatDoesNotExistIsNamedInTheError()
    {
        var error = Assert.Throws<ProfileNotFoundException>(() => Resolve(new ConnectionRequest { ProfileName = "any" }));

        Assert.Contains(ProfilePath, error.Message);
    }

    [Fact]
    public void NoCredentialsAtAllNamesEverySource()
    {
        var error = Assert.Throws<ArgumentException>(() => Resolve(new ConnectionRequest { Region = SpApiRegion.NA }));

        Assert.Contains("-ClientId", error.Message);
        Assert.Contains("-ProfileName", error.Message);
        Assert.Contains("SPAPI_CLIENT_ID", error.Message);
    }

    [Fact]
    public void OnlyTheClientIdInTheEnvironmentNamesTheTwoVariablesThatAreMissing()
    {
        environment[ConnectionResolver.ClientIdVariable] = "env-client";

        var error = Assert.Throws<ArgumentException>(() => Resolve(new ConnectionRequest { Region = SpApiRegion.NA }));

        Assert.Equal(ConnectionResolver.ClientSecretVariable, error.ParamName);
        Assert.Contains("SPAPI_CLIENT_SECRET and SPAPI_REFRESH_TOKEN are not set, while SPAPI_CLIENT_ID is.", error.Message);
        Assert.DoesNotContain("No credentials were given", error.Message);
    }

    [Theory]
    [InlineData(ConnectionResolver.ClientSecretVariable, "SPAPI_CLIENT_SECRET is not set, while SPAPI_CLIENT_ID and SPAPI_REFRESH_TOKEN are.")]
    [InlineData(ConnectionResolver.ClientIdVariable, "SPAPI_CLIENT_ID is not set, while SPAPI_CLIENT_SECRET and SPAPI_REFRESH_TOKEN are.")]
    [InlineData(ConnectionResolver.RefreshTokenVariable, "SPAPI_REFRESH_TOKEN is not set, while SPAPI_CLIENT_ID and SPAPI_CLIENT_SECRET are.")]
    public void OneMissingVariableIsNamed(string missing, string expected)
    {
        environment[ConnectionResolver.ClientIdVariable] = "env-client";
        environment[ConnectionResolver.ClientSecretVariable] = "env-secret";
        environment[ConnectionResolver.RefreshTokenVariable] = "Atzr|env";
        environment[missing] = " ";

        var error = Assert.Throws<ArgumentException>(() => Resolve(new ConnectionRequest { Region = SpApiRegion.NA }));

        Assert.Equal(missing, error.ParamName);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("env-secret", error.Message);
        Assert.DoesNotContain("Atzr|env", error.Message);
    }

    [Fact]
    public void AScopeStandsInForTheRefreshTokenVariable()
    {
        environment[ConnectionResolver.ClientIdVariable] = "env-client";
        environment[ConnectionResolver.ClientSecretVariable] = "env-secret";

        var resolved = Resolve(new ConnectionRequest { Region = SpApiRegion.NA, Scope = "sellingpartnerapi::notifications" });

        Assert.True(resolved.Credentials.IsGrantless);
    }

    [Fact]
    public void ARefreshTokenOrAScopeIsRequired()
    {
        var error = Assert.Throws<ArgumentException>(() => Resolve(new ConnectionRequest
        {
            ClientId = "c", ClientSecret = new SpApiSecret("s"), Region = SpApiRegion.NA,
        }));

        Assert.Equal("RefreshToken", error.ParamName);
        Assert.Contains("pass -RefreshToken, or -Scope", error.Message);
    }

    [Fact]
    public void AScopeMakesGrantlessCredentials()
    {
        var resolved = Resolve(new ConnectionRequest
        {
            ClientId = "c", ClientSecret = new SpApiSecret("s"), Scope = "sellingpartnerapi::notifications", Region = SpApiRegion.NA,
        });

        Assert.True(resolved.Credentials.IsGrantless);
    }

    [Fact]
    public void AMarketplaceImpliesItsRegionOverSpapiRegion()
    {
        environment[ConnectionResolver.RegionVariable] = "NA";

        var resolved = Resolve(new ConnectionRequest
        {
            ClientId = "client",
            ClientSecret = new SpApiSecret("secret"),
            RefreshToken = new SpApiSecret("Atzr|token"),
            MarketplaceId = "A1PA6795UKMFR9",
        });

        Assert.Equal(SpApiRegion.EU, resolved.Region);
    }

    [Fact]
    public void AMarketplaceOutsideTheRegionIsRefused()
    {
        var request = Complete();
        request.Region = SpApiRegion.NA;
        request.MarketplaceId = "A21TJRUUN4KGV";

        var error = Assert.Throws<ArgumentException>(() => Resolve(request));

        Assert.Equal("Region", error.ParamName);
        Assert.Contains("served by the EU region", error.Message);
    }

    [Fact]
    public void WithoutRegionMarketplaceOrEndpointTheErrorSaysWhatToGive()
    {
        var request = Complete();
        request.Region = null;

        var error = Assert.Throws<ArgumentException>(() => Resolve(request));

        Assert.Contains("-Region", error.Message);
    }

    [Fact]
    public void PlainHttpToARemoteHostIsRefusedFromEverySource()
    {
        var request = Complete();
        request.Endpoint = new Uri("http://spapi.example.com/");

        Assert.Equal("Endpoint", Assert.Throws<ArgumentException>(() => Resolve(request)).ParamName);

        environment[ConnectionResolver.TokenEndpointVariable] = "http://auth.example.com/token";
        Assert.Equal("TokenEndpoint", Assert.Throws<ArgumentException>(() => Resolve(Complete())).ParamName);
    }

    [Fact]
    public void AnInvalidRegionVariableIsNamed()
    {
        environment[ConnectionResolver.RegionVariable] = "XX";
        var request = Complete();
        request.Region = null;

        Assert.Equal(ConnectionResolver.RegionVariable, Assert.Throws<ArgumentException>(() => Resolve(request)).ParamName);
    }

    [Fact]
    public void SavingTheSameProfileTwiceNeedsForce()
    {
        SaveProfile("p", Complete());

        var error = Assert.Throws<InvalidOperationException>(() => SaveProfile("p", Complete()));
        Assert.Contains("-Force", error.Message);

        ProfileWriter.Save("p", Complete(), overwrite: true, Read);
    }

    [Fact]
    public void TheProfileFileIsReadableByItsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows protects the secrets with DPAPI instead; see docs.
        }

        var info = SaveProfile("p", Complete());

        Assert.Equal("file-permissions", info.SecretProtection);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ProfilePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(ProfilePath)!));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(ProfilePath)!, "*.tmp"));
    }

    [Fact]
    public void TheProfileInfoHoldsNoSecret()
    {
        var info = SaveProfile("p", Complete());

        Assert.DoesNotContain(typeof(SpApiProfileInfo).GetProperties(), p => p.PropertyType == typeof(SpApiSecret));
        Assert.DoesNotContain("the-secret", info.ToString());
        Assert.Equal(new[] { "p" }, ProfileNames.List(Read));
    }

    private string ProfilePath => Path.Combine(folder, "nested", "profiles.json");

    private static ConnectionRequest Complete() => new()
    {
        ClientId = "client",
        ClientSecret = new SpApiSecret("the-secret"),
        RefreshToken = new SpApiSecret("Atzr|token"),
        Region = SpApiRegion.EU,
    };

    private SpApiProfileInfo SaveProfile(string name, ConnectionRequest request) => ProfileWriter.Save(name, request, overwrite: false, Read);

    private ResolvedConnection Resolve(ConnectionRequest request) => ConnectionResolver.Resolve(request, Read);

    private string? Read(string name) =>
        name == "SPAPI_PROFILE_PATH" ? ProfilePath : environment.TryGetValue(name, out var value) ? value : null;
}
