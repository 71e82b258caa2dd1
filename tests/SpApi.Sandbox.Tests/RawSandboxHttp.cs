using System.Net;
using System.Text.Json;
using SpApi.Tests.Support;

namespace SpApi.Sandbox.Tests;

/// <summary>
/// A plain HttpClient that follows nothing and inflates nothing, so a sandbox fault arrives at the test as the
/// server sent it, and the LWA token exchange done by hand with it.
/// </summary>
internal static class RawSandboxHttp
{
    public static HttpClient Client() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None });

    /// <summary>The token response of the sandbox's LWA endpoint for its test credentials.</summary>
    public static async Task<JsonElement> TokenResponseAsync(SandboxHarness sandbox, HttpClient http)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = SandboxCredentials.RefreshToken,
            ["client_id"] = SandboxCredentials.ClientId,
            ["client_secret"] = SandboxCredentials.ClientSecret,
        });
        using var response = await http.PostAsync(sandbox.Server.TokenEndpoint, form);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The access token of <see cref="TokenResponseAsync"/>.</summary>
    public static async Task<string> AccessTokenAsync(SandboxHarness sandbox, HttpClient http) =>
        (await TokenResponseAsync(sandbox, http)).GetProperty("access_token").GetString()!;
}
