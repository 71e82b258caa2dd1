using SpApi.Core.Connection;
using SpApi.Core.Http;
using SpApi.Core.Security;
using SpApi.Sandbox;
using SpApi.Tests.Support;

namespace SpApi.Tests.Connection;

/// <summary>Opening a connection proves the credentials, and the connection holds no secret.</summary>
public sealed class ConnectionTests
{
    [Fact]
    public async Task ConnectingFetchesATokenAndTheConnectionShowsNoSecret()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var resolved = ConnectionResolver.Resolve(Request(sandbox, SandboxCredentials.ClientSecret), _ => null);

        using var connection = await SpApiConnection.ConnectAsync(resolved, CancellationToken.None, sandbox.RateLimiters, sandbox.TokenCache);

        Assert.Equal(1, sandbox.Counters.AccessTokensIssued);
        Assert.Equal(sandbox.Server.BaseAddress, connection.Endpoint);
        Assert.Equal(CredentialSource.Parameters, connection.Source);
        var shown = connection.ToString() + string.Join("|", typeof(SpApiConnection).GetProperties().Select(p => p.GetValue(connection)));
        Assert.DoesNotContain(SandboxCredentials.ClientSecret, shown);
        Assert.DoesNotContain(SandboxCredentials.RefreshToken, shown);
        Assert.DoesNotContain(typeof(SpApiConnection).GetProperties(), p => p.PropertyType == typeof(SpApiClient));
    }

    [Fact]
    public async Task WrongCredentialsFailTheConnect()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var resolved = ConnectionResolver.Resolve(Request(sandbox, "amzn1.oa2-cs.v1.wrong"), _ => null);

        var error = await Assert.ThrowsAsync<SpApiException>(() => SpApiConnection.ConnectAsync(resolved, CancellationToken.None, sandbox.RateLimiters, sandbox.TokenCache));

        Assert.Equal("invalid_client", error.AmazonErrorCode);
        Assert.Equal(SpApiFailureKind.AuthenticationFailed, error.Kind);
    }

    [Fact]
    public async Task AWrongSecretIsNotAnsweredFromTheTokenCache()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var good = await SpApiConnection.ConnectAsync(
            ConnectionResolver.Resolve(Request(sandbox, SandboxCredentials.ClientSecret), _ => null), CancellationToken.None, sandbox.RateLimiters, sandbox.TokenCache);

        await Assert.ThrowsAsync<SpApiException>(() => SpApiConnection.ConnectAsync(
            ConnectionResolver.Resolve(Request(sandbox, "amzn1.oa2-cs.v1.wrong"), _ => null), CancellationToken.None, sandbox.RateLimiters, sandbox.TokenCache));
    }

    private static ConnectionRequest Request(SandboxHarness sandbox, string secret) => new()
    {
        ClientId = SandboxCredentials.ClientId,
        ClientSecret = new SpApiSecret(secret),
        RefreshToken = new SpApiSecret(SandboxCredentials.RefreshToken),
        Endpoint = sandbox.Server.BaseAddress,
        TokenEndpoint = sandbox.Server.TokenEndpoint,
    };
}
