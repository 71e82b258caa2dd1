using System.IO.Compression;
using System.Net;
using System.Text.Json;
using SpApi.Core.Operations;
using SpApi.Tests.Support;

namespace SpApi.Sandbox.Tests;

/// <summary>
/// The faults that test a client's send path: a redirect to another host, short-lived and header-injecting
/// tokens, endless, compressed-bomb and huge bodies, and an absurd x-amzn-RateLimit-Limit. Each is checked
/// with a plain HttpClient that follows nothing and decompresses nothing, so what is seen is what was sent.
/// </summary>
public sealed class SandboxHardeningFaultTests
{
    private static readonly string ExportsPath = SpApiOperations.GetInvoicesExports.PathTemplate + "?marketplaceId=A2Q3Y263D00KWC";

    [Fact]
    public async Task RedirectElsewhereAnswers302ToATargetThatRecordsTokens()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var http = RawSandboxHttp.Client();
        sandbox.State.Faults.Inject(FaultKind.RedirectElsewhere, 1, "getInvoicesExports");

        using var redirect = await http.GetAsync(new Uri(sandbox.Server.BaseAddress, ExportsPath));
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.EndsWith(SandboxFaults.RedirectTargetPath, redirect.Headers.Location!.AbsoluteUri);

        using var withToken = new HttpRequestMessage(HttpMethod.Get, redirect.Headers.Location);
        withToken.Headers.Add("x-amz-access-token", "Atza|anything");
        using var followed = await http.SendAsync(withToken);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Equal((1, 1), (sandbox.Counters.RedirectTargetHits, sandbox.Counters.TokensAtRedirectTarget));
    }

    [Fact]
    public async Task ShortLivedTokenIssuesAFiveSecondToken()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var http = RawSandboxHttp.Client();
        sandbox.State.Faults.Inject(FaultKind.ShortLivedToken, 1, "LWA");

        var first = await RawSandboxHttp.TokenResponseAsync(sandbox, http);
        var second = await RawSandboxHttp.TokenResponseAsync(sandbox, http);

        Assert.Equal(5, first.GetProperty("expires_in").GetInt32());
        Assert.Equal(3600, second.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task ControlCharactersInTokenIssuesATokenThatInjectsAHeader()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var http = RawSandboxHttp.Client();
        sandbox.State.Faults.Inject(FaultKind.ControlCharactersInToken, 1, "LWA");

        var token = await RawSandboxHttp.AccessTokenAsync(sandbox, http);

        Assert.EndsWith("\r\nX-Injected: yes", token);
    }

    [Fact]
    public async Task EndlessBodyKeepsStreamingUntilTheClientHangsUp()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var http = RawSandboxHttp.Client();
        sandbox.State.Faults.Inject(FaultKind.EndlessBody, 1, "getInvoicesExports");

        using var response = await http.GetAsync(new Uri(sandbox.Server.BaseAddress, ExportsPath), HttpCompletionOption.ResponseHeadersRead);
        using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long read = 0;
        while (read < 32L * 1024 * 1024)
        {
            var n = await body.ReadAsync(buffer);
            Assert.True(n > 0, $"the endless body ended after {read} bytes");
            read += n;
        }

        Assert.Null(response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task GzipBombIsSmallOnTheWireAndHugeExpanded()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var http = RawSandboxHttp.Client();
        sandbox.State.Faults.Inject(FaultKind.GzipBomb, 1, "getInvoicesExports");

        using var response = await http.GetAsync(new Uri(sandbox.Server.BaseAddress, ExportsPath));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        using var expanded = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        var buffer = new byte[1024 * 1024];
        long total = 0;
        for (int n; (n = await expanded.ReadAsync(buffer)) > 0;)
        {
            total += n;
        }

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.InRange(compressed.Length, 1, 1024 * 1024);
        Assert.Equal(MisbehavingBodiesSize, total);
    }

    [Fact]
    public async Task HugeErrorMessageIsTenMegabytesOfTerminalEscapes()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var http = RawSandboxHttp.Client();
        sandbox.State.Faults.Inject(FaultKind.HugeErrorMessage, 1, "getInvoicesExports");

        using var response = await http.GetAsync(new Uri(sandbox.Server.BaseAddress, ExportsPath));
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0].GetProperty("message").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(message.Length >= 10 * 1024 * 1024);
        Assert.Contains("\u001b[", message);
        Assert.Contains("\r\n", message);
    }

    [Fact]
    public async Task AbsurdRateLimitReportsOneRequestEveryFourMonths()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var http = RawSandboxHttp.Client();
        var token = await RawSandboxHttp.AccessTokenAsync(sandbox, http);
        sandbox.State.Faults.Inject(FaultKind.AbsurdRateLimit, 1, "getInvoicesExports");

        var absurd = await RateLimitAsync(sandbox, http, token);
        var normal = await RateLimitAsync(sandbox, http, token);

        Assert.Equal("0.0000001", absurd);
        Assert.NotEqual(absurd, normal);
    }

    private const long MisbehavingBodiesSize = 512L * 1024 * 1024;

    private static async Task<string?> RateLimitAsync(SandboxHarness sandbox, HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(sandbox.Server.BaseAddress, ExportsPath));
        request.Headers.Add("x-amz-access-token", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Headers.TryGetValues("x-amzn-RateLimit-Limit", out var values) ? values.Single() : null;
    }
}
