using System.Net;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Auth;
using SpApi.Core.Http;
using SpApi.Core.Security;
using SpApi.Sandbox;
using SpApi.Tests.Support;

namespace SpApi.Tests.RequestPath;

/// <summary>Core part 1 (Login with Amazon) and part 2 (RDTs), over real HTTP to the sandbox.</summary>
public sealed class LoginWithAmazonTests
{
    [Fact]
    public async Task OneTokenRequestServesAHundredCalls()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new CustomerInvoicesApi(sandbox.Client());

        for (var i = 1; i <= 100; i++)
        {
            var invoice = await api.GetCustomerInvoiceAsync($"PO{i:D8}", CancellationToken.None);
            Assert.Equal($"PO{i:D8}", invoice.PurchaseOrderNumber);
        }

        Assert.Equal(1, sandbox.Counters.AccessTokensIssued);
    }

    [Fact]
    public async Task OneRestrictedDataTokenServesEveryPurchaseOrderNumber()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new CustomerInvoicesApi(sandbox.Client());

        foreach (var po in new[] { "PO00000001", "PO00000002", "PO00000003", "PO00000004", "PO00000005" })
        {
            await api.GetCustomerInvoiceAsync(po, CancellationToken.None);
        }

        Assert.Equal(1, sandbox.Counters.RestrictedDataTokensIssued);
        Assert.Equal(1, sandbox.Counters.RequestsFor("createRestrictedDataToken"));
    }

    [Fact]
    public async Task TwentyConcurrentCallersCauseOneTokenRequestAndOneRdtRequest()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new CustomerInvoicesApi(sandbox.Client());

        var calls = Enumerable.Range(1, 20).Select(i => api.GetCustomerInvoiceAsync($"PO{i:D8}", CancellationToken.None));
        var invoices = await Task.WhenAll(calls);

        Assert.Equal(20, invoices.Select(i => i.PurchaseOrderNumber).Distinct().Count());
        Assert.Equal(1, sandbox.Counters.AccessTokensIssued);
        Assert.Equal(1, sandbox.Counters.RestrictedDataTokensIssued);
    }

    [Fact]
    public async Task TokenIsRefreshedBeforeItExpiresUsingExpiresIn()
    {
        // expires_in 120 s: the safety margin is a tenth of that (12 s), so the token is reused until 108 s.
        await using var sandbox = await SandboxHarness.StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromSeconds(120));
        var clock = new FakeTimeProvider();
        var client = sandbox.Client(time: clock);

        await client.VerifyCredentialsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(107));
        await client.VerifyCredentialsAsync(CancellationToken.None);
        Assert.Equal(1, sandbox.Counters.AccessTokensIssued);

        clock.Advance(TimeSpan.FromSeconds(2));
        await client.VerifyCredentialsAsync(CancellationToken.None);
        Assert.Equal(2, sandbox.Counters.AccessTokensIssued);
    }

    [Fact]
    public async Task TokenLifetimeComesFromTheServerNotAConstant()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromHours(2));
        var clock = new FakeTimeProvider();
        var client = sandbox.Client(time: clock);

        await client.VerifyCredentialsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(90));
        await client.VerifyCredentialsAsync(CancellationToken.None);

        Assert.Equal(1, sandbox.Counters.AccessTokensIssued);
    }

    [Fact]
    public async Task ExpiredTokenForbiddenIsRefreshedOnceAndRetriedOnce()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var log = new CapturingLog();
        var api = new CustomerInvoicesApi(sandbox.Client(log));
        await api.GetCustomerInvoiceAsync("PO00000001", CancellationToken.None);

        sandbox.State.Tokens.ExpireAll();
        var invoice = await api.GetCustomerInvoiceAsync("PO00000002", CancellationToken.None);

        Assert.Equal("PO00000002", invoice.PurchaseOrderNumber);
        Assert.Equal(2, sandbox.Counters.AccessTokensIssued);
        Assert.Equal(2, sandbox.Counters.RestrictedDataTokensIssued);
        Assert.Equal(3, sandbox.Counters.RequestsFor("getCustomerInvoice"));
    }

    [Fact]
    public async Task ATokenRefusedAgainAfterTheRefreshIsAnErrorNotALoop()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var api = new CustomerInvoicesApi(sandbox.Client());
        await api.GetCustomerInvoiceAsync("PO00000001", CancellationToken.None);
        sandbox.State.Faults.Inject(FaultKind.ExpiredToken, 2, "getCustomerInvoice");

        var error = await Assert.ThrowsAsync<SpApiException>(() => api.GetCustomerInvoiceAsync("PO00000002", CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        // One refresh of the restricted data token, then the second refusal is final.
        Assert.Equal(2, sandbox.Counters.RestrictedDataTokensIssued);
        Assert.Equal(3, sandbox.Counters.RequestsFor("getCustomerInvoice"));
    }

    [Fact]
    public async Task InvalidClientBecomesAClearError()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var credentials = LwaCredentials.ForRefreshToken(SandboxCredentials.ClientId, new SpApiSecret("amzn1.oa2-cs.v1.wrong"), new SpApiSecret(SandboxCredentials.RefreshToken));
        var client = sandbox.Client(credentials: credentials);

        var error = await Assert.ThrowsAsync<SpApiException>(() => client.VerifyCredentialsAsync(CancellationToken.None));

        Assert.Equal("invalid_client", error.AmazonErrorCode);
        Assert.Equal(SpApiFailureKind.AuthenticationFailed, error.Kind);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("LWA", error.Operation);
        Assert.Contains("client id and client secret", error.Message);
        Assert.Contains("Client authentication failed", error.Message);
    }

    [Fact]
    public async Task RevokedRefreshTokenBecomesAClearError()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = sandbox.Client(credentials: SandboxHarness.Credentials("Atzr|revoked"));

        var error = await Assert.ThrowsAsync<SpApiException>(() => client.VerifyCredentialsAsync(CancellationToken.None));

        Assert.Equal("invalid_grant", error.AmazonErrorCode);
        Assert.Equal(SpApiFailureKind.AuthenticationFailed, error.Kind);
        Assert.Contains("authorise the app again", error.Message);
        Assert.Equal(0, sandbox.Counters.AccessTokensIssued);
    }

    [Fact]
    public async Task GrantlessCredentialsUseClientCredentialsWithTheirOwnCacheEntry()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var grantless = LwaCredentials.ForScope(SandboxCredentials.ClientId, new SpApiSecret(SandboxCredentials.ClientSecret), "sellingpartnerapi::notifications");

        await sandbox.Client(credentials: grantless).VerifyCredentialsAsync(CancellationToken.None);
        await sandbox.Client(credentials: grantless).VerifyCredentialsAsync(CancellationToken.None);
        await sandbox.Client().VerifyCredentialsAsync(CancellationToken.None);

        Assert.Equal(2, sandbox.Counters.AccessTokensIssued);
    }

    [Fact]
    public async Task TokenEndpointIsConfigurable()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var wrongPath = new SpApiClient(new SpApiClientOptions(SandboxHarness.Credentials(), sandbox.Server.BaseAddress, new Uri(sandbox.Server.BaseAddress, "not/the/token/path"))
        {
            TokenCache = sandbox.TokenCache,
            RateLimiters = sandbox.RateLimiters,
        });

        var error = await Assert.ThrowsAsync<SpApiException>(() => wrongPath.VerifyCredentialsAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(0, sandbox.Counters.AccessTokensIssued);
    }
}
