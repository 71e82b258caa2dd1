using SpApi.Core.Connection;
using SpApi.Core.Endpoints;
using SpApi.Core.Http;
using SpApi.Core.Security;
using SpApi.Sandbox;
using SpApi.Tests.Support;

namespace SpApi.Tests.Connection;

/// <summary>Get-SpApiProfile and Remove-SpApiProfile's view of the profile file, and Save-SpApiProfile's credential check.</summary>
public sealed class ProfileCatalogTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-catalog-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string ProfilePath => Path.Combine(folder, "profiles.json");

    [Fact]
    public void WithoutAFileThereAreNoProfiles() => Assert.Empty(ProfileCatalog.List(Read));

    [Fact]
    public void TheListDescribesEachProfileWithoutItsSecrets()
    {
        ProfileWriter.Save("india", Request(r => r.MarketplaceId = "A21TJRUUN4KGV"), overwrite: false, Read);
        ProfileWriter.Save("Brazil-Test", Request(r => { r.Endpoint = new Uri("http://127.0.0.1:5055/"); r.TokenEndpoint = new Uri("http://127.0.0.1:5055/auth/o2/token"); }), overwrite: false, Read);
        ProfileWriter.Save("grantless", Request(r => { r.RefreshToken = null; r.Scope = "sellingpartnerapi::notifications"; r.Region = SpApiRegion.FE; }), overwrite: false, Read);

        var profiles = ProfileCatalog.List(Read);

        Assert.Equal(new[] { "Brazil-Test", "grantless", "india" }, profiles.Select(p => p.Name));
        var india = profiles.Single(p => p.Name == "india");
        Assert.Equal(SpApiRegion.EU, india.Region);
        Assert.Equal("client", india.ClientId);
        Assert.Equal(ProfilePath, india.Path);
        Assert.Equal(new Uri("http://127.0.0.1:5055/"), profiles.Single(p => p.Name == "Brazil-Test").Endpoint);
        Assert.True(profiles.Single(p => p.Name == "grantless").Grantless);
        Assert.False(india.Grantless);
        var shown = string.Join("|", profiles.SelectMany(p => typeof(SpApiProfileInfo).GetProperties().Select(property => property.GetValue(p))));
        Assert.DoesNotContain("the-secret", shown);
        Assert.DoesNotContain("Atzr|token", shown);
    }

    [Fact]
    public void RemovingAProfileKeepsTheOthersAndSaysWhatItHeld()
    {
        ProfileWriter.Save("india", Request(r => r.MarketplaceId = "A21TJRUUN4KGV"), overwrite: false, Read);
        ProfileWriter.Save("brazil", Request(r => { r.Region = null; r.MarketplaceId = "A2Q3Y263D00KWC"; }), overwrite: false, Read);

        var removed = ProfileCatalog.Remove("INDIA", Read);

        Assert.Equal("A21TJRUUN4KGV", removed!.MarketplaceId);
        Assert.Equal(new[] { "brazil" }, ProfileCatalog.List(Read).Select(p => p.Name));
        Assert.Equal("brazil", ConnectionResolver.Resolve(new ConnectionRequest { ProfileName = "brazil" }, Read).ProfileName);
        Assert.Equal("india", Assert.Throws<ProfileNotFoundException>(() => ConnectionResolver.Resolve(new ConnectionRequest { ProfileName = "india" }, Read)).ProfileName);
    }

    [Fact]
    public void RemovingAProfileThatIsNotSavedChangesNothing()
    {
        ProfileWriter.Save("india", Request(), overwrite: false, Read);
        var before = File.ReadAllBytes(ProfilePath);

        Assert.Null(ProfileCatalog.Remove("japan", Read));
        Assert.Equal(before, File.ReadAllBytes(ProfilePath));
    }

    [Fact]
    public async Task CheckedSavingProvesTheCredentialsWithATokenExchange()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var saved = await ProfileWriter.SaveCheckedAsync("sandbox", SandboxRequest(sandbox, SandboxCredentials.ClientSecret), overwrite: false, Read, CancellationToken.None, sandbox.RateLimiters, sandbox.TokenCache);

        Assert.Equal(1, sandbox.Counters.AccessTokensIssued);
        Assert.Equal("sandbox", saved.Name);
        Assert.Equal(new[] { "sandbox" }, ProfileCatalog.List(Read).Select(p => p.Name));
    }

    [Fact]
    public async Task ARefusedSecretIsNotSaved()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var error = await Assert.ThrowsAsync<SpApiException>(() => ProfileWriter.SaveCheckedAsync(
            "sandbox", SandboxRequest(sandbox, "amzn1.oa2-cs.v1.wrong"), overwrite: false, Read, CancellationToken.None, sandbox.RateLimiters, sandbox.TokenCache));

        Assert.Equal(SpApiFailureKind.AuthenticationFailed, error.Kind);
        Assert.Equal("invalid_client", error.AmazonErrorCode);
        Assert.False(File.Exists(ProfilePath));
    }

    [Fact]
    public async Task AnExistingNameIsRefusedBeforeAnythingIsSent()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        ProfileWriter.Save("sandbox", Request(), overwrite: false, Read);

        await Assert.ThrowsAsync<InvalidOperationException>(() => ProfileWriter.SaveCheckedAsync(
            "sandbox", SandboxRequest(sandbox, SandboxCredentials.ClientSecret), overwrite: false, Read, CancellationToken.None, sandbox.RateLimiters, sandbox.TokenCache));

        Assert.Equal(0, sandbox.Counters.AccessTokensIssued);
    }

    private static ConnectionRequest Request(Action<ConnectionRequest>? change = null)
    {
        var request = new ConnectionRequest
        {
            ClientId = "client",
            ClientSecret = new SpApiSecret("the-secret"),
            RefreshToken = new SpApiSecret("Atzr|token"),
            Region = SpApiRegion.EU,
        };
        change?.Invoke(request);
        return request;
    }

    private static ConnectionRequest SandboxRequest(SandboxHarness sandbox, string secret) => new()
    {
        ClientId = SandboxCredentials.ClientId,
        ClientSecret = new SpApiSecret(secret),
        RefreshToken = new SpApiSecret(SandboxCredentials.RefreshToken),
        Endpoint = sandbox.Server.BaseAddress,
        TokenEndpoint = sandbox.Server.TokenEndpoint,
    };

    private string? Read(string name) => name == "SPAPI_PROFILE_PATH" ? ProfilePath : null;
}
