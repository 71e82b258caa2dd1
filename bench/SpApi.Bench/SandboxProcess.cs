using System.Diagnostics;
using SpApi.Core.Auth;
using SpApi.Core.Http;
using SpApi.Core.Limits;
using SpApi.Core.Security;
using SpApi.Sandbox;

/// <summary>
/// A sandbox in its own process (so its data does not count in this process's memory) and a client
/// pointed at it, both at the same rate scale.
/// </summary>
internal sealed class SandboxProcess : IDisposable
{
    private readonly Process process;
    private readonly RateLimiterRegistry registry;

    public SandboxProcess(double rateScale, string arguments)
    {
        var sandboxDll = Path.Combine(AppContext.BaseDirectory, "SpApi.Sandbox.dll");
        process = Process.Start(new ProcessStartInfo("dotnet", $"\"{sandboxDll}\" --url http://127.0.0.1:0 --rate-scale {rateScale} {arguments}")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var address = new Uri(process.StandardOutput.ReadLine()!.Split("listening on ")[1]);
        registry = new RateLimiterRegistry(TimeProvider.System, rateScale);
        var credentials = LwaCredentials.ForRefreshToken(SandboxCredentials.ClientId, new SpApiSecret(SandboxCredentials.ClientSecret), new SpApiSecret(SandboxCredentials.RefreshToken));
        Client = new SpApiClient(new SpApiClientOptions(credentials, address, new Uri(address, "auth/o2/token")) { RateLimiters = registry, TokenCache = new TokenCache() });
    }

    public SpApiClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        registry.Dispose();
        process.Kill();
        process.Dispose();
    }
}
