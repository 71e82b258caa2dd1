using System.Diagnostics;
using System.Globalization;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Auth;
using SpApi.Core.Http;
using SpApi.Core.Limits;
using SpApi.Core.Operations;
using SpApi.Core.Security;
using SpApi.Sandbox;

// Client overhead: materialising a page of 100 invoices of about 50 KB each, against plain System.Text.Json:
//   dotnet run -c Release --project bench/SpApi.Bench -- overhead
if (args.Length > 0 && args[0] == "overhead")
{
    OverheadBenchmark.Run();
    return;
}

// Memory: 10k and then 100k invoices streamed through the pager, against a sandbox in its own process:
//   dotnet run -c Release --project bench/SpApi.Bench -- memory
if (args.Length > 0 && args[0] == "memory")
{
    await MemoryBenchmark.RunAsync();
    return;
}

// A 1 GB export document, downloaded and expanded:
//   dotnet run -c Release --project bench/SpApi.Bench -- large [<megabytes, default 1024>]
if (args.Length > 0 && args[0] == "large")
{
    await LargeExportBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1024);
    return;
}

// Processes paging one account together, each on the module's default (shared) buckets:
//   dotnet run -c Release --project bench/SpApi.Bench -- shared [<pages, default 400>] [separate]
if (args.Length > 0 && args[0] == "shared")
{
    await SharedBucketBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 400, args.Length > 2 && args[2] == "separate");
    return;
}

if (args.Length > 2 && args[0] == "shared-child")
{
    await SharedBucketBenchmark.RunChildAsync(new Uri(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture));
    return;
}

// Paging at the rate limit, against the sandbox at real rates (10/s, burst 10):
//   dotnet run -c Release --project bench/SpApi.Bench [-- <pages, default 300>]
// Prints wall time / physical minimum ((N - burst) / rate) and the number of 429s, for one caller and
// for four callers sharing one account's bucket. Ratios, not seconds, so a noisy machine still compares.
var pages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
var operation = SpApiOperations.GetCustomerInvoices;
var end = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

foreach (var callers in new[] { 1, 4 })
{
    await using var server = await SandboxServer.StartAsync(SharedBucketBenchmark.DaysOfInvoices(callers, pages, end));
    using var registry = new RateLimiterRegistry(TimeProvider.System);
    var credentials = LwaCredentials.ForRefreshToken(SandboxCredentials.ClientId, new SpApiSecret(SandboxCredentials.ClientSecret), new SpApiSecret(SandboxCredentials.RefreshToken));
    using var client = new SpApiClient(new SpApiClientOptions(credentials, server.BaseAddress, server.TokenEndpoint) { RateLimiters = registry, TokenCache = new TokenCache() });
    var api = new CustomerInvoicesApi(client);
    await api.GetCustomerInvoiceAsync($"C0PO00000001", CancellationToken.None); // token and RDT, outside the timing
    server.State.Reset();

    var stopwatch = Stopwatch.StartNew();
    var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(async c =>
    {
        var count = 0;
        var query = new CustomerInvoicesQuery { CreatedAfter = end.AddDays(-c - 1), CreatedBefore = end.AddDays(-c), PageSize = 1 };
        await foreach (var _ in api.GetCustomerInvoicePagesAsync(query, CancellationToken.None))
        {
            count++;
        }

        return count;
    }));
    stopwatch.Stop();

    var fetched = counts.Sum();
    var physical = TimeSpan.FromSeconds((fetched - operation.Burst) / operation.Rate);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"callers={callers} pages={fetched} wall={stopwatch.Elapsed.TotalSeconds:0.00}s minimum={physical.TotalSeconds:0.00}s ratio={stopwatch.Elapsed / physical:0.000} 429s={server.State.Counters.Throttled} rate={fetched / stopwatch.Elapsed.TotalSeconds:0.00}/s"));
}
