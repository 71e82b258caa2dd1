using System.Globalization;
using Microsoft.AspNetCore.Connections;
using SpApi.Sandbox;

// `dotnet run --project tests/SpApi.Sandbox [-- --url http://127.0.0.1:5055 --rate-scale 1 --invoices 200]`
var options = new SandboxOptions { Url = "http://127.0.0.1:5055" };
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--url":
            options.Url = args[i + 1];
            break;
        case "--rate-scale":
            options.RateScale = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--document-mb":
            // Every export document carries this many MB of filler, for the large-download benchmark.
            options.BulkEntryBytes = long.Parse(args[i + 1], CultureInfo.InvariantCulture) << 20;
            break;
        case "--government-invoice-delay":
            // Seconds a government invoice request stays PROCESSING.
            options.GovernmentInvoiceDelay = TimeSpan.FromSeconds(double.Parse(args[i + 1], CultureInfo.InvariantCulture));
            break;
        case "--accounts":
            // N selling partners, each with its own refresh token and so its own buckets: Atzr|sandbox-refresh-token, then -2, -3, ...
            for (var account = 2; account <= int.Parse(args[i + 1], CultureInfo.InvariantCulture); account++)
            {
                options.RefreshTokens.Add(SandboxCredentials.RefreshTokenOf(account));
            }

            break;
        case "--invoices":
            // N customer invoices spread over the last 7 days, for volume benchmarks.
            var count = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options.CustomerInvoices.Clear();
            options.CustomerInvoices.AddRange(SandboxInvoice.Generate(DateTimeOffset.UtcNow, count, TimeSpan.FromDays(7) / (count + 1)));
            break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}. Options: --url <http://127.0.0.1:port>, --rate-scale <number>, --invoices <count>, --accounts <count>, --document-mb <size>, --government-invoice-delay <seconds>.");
            return 2;
    }
}

await using var server = await StartAsync(options);
if (server is null)
{
    return 1;
}

// The first line is read by scripts (tests/Pester/Shared.ps1 matches 'listening on (?<url>\S+)'): keep its shape.
Console.WriteLine($"SpApi sandbox listening on {server.BaseAddress}");
var scale = options.RateScale.ToString(CultureInfo.InvariantCulture);
Console.WriteLine(options.RateScale == 1
    ? "Rate scale 1: Amazon's documented rate limits."
    : $"Rate scale {scale}: every rate limit {scale} times Amazon's; set $env:SPAPI_RATE_SCALE = '{scale}' before Import-Module so the client paces the same.");
Console.WriteLine("Connect with these test credentials (they work only here):");
Console.WriteLine($"  $secret = ConvertTo-SecureString '{SandboxCredentials.ClientSecret}' -AsPlainText -Force");
Console.WriteLine($"  $refresh = ConvertTo-SecureString '{SandboxCredentials.RefreshToken}' -AsPlainText -Force");
Console.WriteLine($"  Connect-SpApi -ClientId '{SandboxCredentials.ClientId}' -ClientSecret $secret -RefreshToken $refresh -Endpoint {server.BaseAddress} -TokenEndpoint {server.TokenEndpoint}");
Console.WriteLine("Press Ctrl+C to stop.");
await server.WaitForShutdownAsync();
return 0;

// A port already taken is a person's mistake, not a crash: one line that names it, and exit code 1.
static async Task<SandboxServer?> StartAsync(SandboxOptions options)
{
    try
    {
        return await SandboxServer.StartAsync(options);
    }
    catch (IOException ex) when (ex.InnerException is AddressInUseException)
    {
        var url = new Uri(options.Url);
        Console.Error.WriteLine($"The sandbox cannot listen on {url}: the port {url.Port} is in use.");
        return null;
    }
}
