using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SpApi.Sandbox.Tests;

/// <summary>What `dotnet run --project tests/SpApi.Sandbox` prints and how it ends, as a person or a script sees it.</summary>
public sealed class SandboxCommandLineTests
{
    [Fact]
    public async Task APortInUseIsNamedOnOneLineAndTheExitCodeIsOne()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        using var patience = new CancellationTokenSource(SandboxProgram.Patience);

        using var sandbox = SandboxProgram.Start("--url", $"http://127.0.0.1:{port}");
        var output = sandbox.StandardOutput.ReadToEndAsync(patience.Token);
        var error = sandbox.StandardError.ReadToEndAsync(patience.Token);
        await sandbox.WaitForExitAsync(patience.Token);

        Assert.Equal(1, sandbox.ExitCode);
        Assert.Equal($"The sandbox cannot listen on http://127.0.0.1:{port}/: the port {port} is in use." + Environment.NewLine, await error);
        Assert.Equal("", await output);
    }

    [Fact]
    public async Task TheBannerGivesTheAddressFirstThenTheRateScale()
    {
        using var patience = new CancellationTokenSource(SandboxProgram.Patience);
        using var sandbox = SandboxProgram.Start("--url", "http://127.0.0.1:0", "--rate-scale", "60");
        try
        {
            var first = await sandbox.StandardOutput.ReadLineAsync(patience.Token);
            var second = await sandbox.StandardOutput.ReadLineAsync(patience.Token);

            // The pattern the Pester helpers read the address with.
            var address = Regex.Match(first ?? "", @"listening on (?<url>\S+)");
            Assert.True(address.Success, first);
            Assert.Matches(@"^http://127\.0\.0\.1:\d+/$", address.Groups["url"].Value);
            Assert.Equal("Rate scale 60: every rate limit 60 times Amazon's; set $env:SPAPI_RATE_SCALE = '60' before Import-Module so the client paces the same.", second);
        }
        finally
        {
            sandbox.Kill();
            await sandbox.WaitForExitAsync(patience.Token);
        }
    }
}
