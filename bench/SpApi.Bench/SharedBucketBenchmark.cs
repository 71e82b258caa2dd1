using System.Diagnostics;
using System.Globalization;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Auth;
using SpApi.Core.Http;
using SpApi.Core.Limits;
using SpApi.Core.Operations;
using SpApi.Core.Security;
using SpApi.Sandbox;

/// <summary>
/// Issue 17: 1, 2 and 4 processes paging one account against the sandbox at Amazon's rates (getCustomerInvoices,
/// 10/s, burst 10), every process on the module's default registry (RateLimiterRegistry.Shared, its buckets in the
/// folder SPAPI_RATE_LIMIT_PATH names). Reports wall time over the account's minimum, (pages - burst) / rate, for all
/// the processes together, and the 429s the sandbox sent. With "separate", each process has buckets of its own, as before.
/// </summary>
internal static class SharedBucketBenchmark
{
    private static readonly DateTimeOffset End = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(int pages, bool separate)
    {
        foreach (var processes in separate ? new[] { 2, 4 } : new[] { 1, 2, 4 })
        {
            await using var server = await SandboxServer.StartAsync(DaysOfInvoices(processes, pages, End));
            var folder = Path.Combine(Path.GetTempPath(), "spapi-bench-buckets-" + Guid.NewGuid().ToString("N"));
            // separate: each process a folder of its own, as every process had its own buckets before issue 17.
            var children = Enumerable.Range(0, processes).Select(p => StartChild(server.BaseAddress, p, separate ? Path.Combine(folder, $"{p}") : folder)).ToList();
            foreach (var child in children)
            {
                Expect(child, "ready");
            }

            var stopwatch = Stopwatch.StartNew();
            foreach (var child in children)
            {
                child.StandardInput.WriteLine("go");
            }

            var fetched = children.Sum(child => int.Parse(Expect(child, "done ")["done ".Length..], CultureInfo.InvariantCulture));
            stopwatch.Stop();
            foreach (var child in children)
            {
                child.WaitForExit();
                child.Dispose();
            }

            Directory.Delete(folder, recursive: true);
            var operation = SpApiOperations.GetCustomerInvoices;
            var minimum = TimeSpan.FromSeconds((fetched - operation.Burst) / operation.Rate);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"processes={processes}{(separate ? " (separate buckets)" : string.Empty)} pages={fetched} wall={stopwatch.Elapsed.TotalSeconds:0.00}s minimum={minimum.TotalSeconds:0.00}s ratio={stopwatch.Elapsed / minimum:0.000} 429s={server.State.Counters.Throttled}"));
        }
    }

    /// <summary>
    /// A sandbox whose customer invoices are one day per caller (caller c pages the day c days before
    /// <paramref name="end"/>, POs C{c}PO...), <paramref name="pages"/> in all: the callers share one account, so one bucket.
    /// </summary>
    internal static SandboxOptions DaysOfInvoices(int callers, int pages, DateTimeOffset end)
    {
        var options = new SandboxOptions();
        options.CustomerInvoices.Clear();
        for (var c = 0; c < callers; c++)
        {
            options.CustomerInvoices.AddRange(SandboxInvoice.Generate(end.AddDays(-c), pages / callers, TimeSpan.FromMinutes(1))
                .Select(i => i with { PurchaseOrderNumber = $"C{c}{i.PurchaseOrderNumber}" }));
        }

        return options;
    }

    /// <summary>One process of the benchmark: warms its tokens, says "ready", pages its day on "go", says "done N".</summary>
    public static async Task RunChildAsync(Uri baseAddress, int day)
    {
        var credentials = LwaCredentials.ForRefreshToken(SandboxCredentials.ClientId, new SpApiSecret(SandboxCredentials.ClientSecret), new SpApiSecret(SandboxCredentials.RefreshToken));
        using var client = new SpApiClient(new SpApiClientOptions(credentials, baseAddress, new Uri(baseAddress, "auth/o2/token")) { RateLimiters = RateLimiterRegistry.Shared });
        var api = new CustomerInvoicesApi(client);
        await api.GetCustomerInvoiceAsync($"C{day}PO00000001", CancellationToken.None); // tokens and RDT, outside the timing
        Console.WriteLine("ready");
        Console.ReadLine();

        var count = 0;
        var query = new CustomerInvoicesQuery { CreatedAfter = End.AddDays(-day - 1), CreatedBefore = End.AddDays(-day), PageSize = 1 };
        await foreach (var _ in api.GetCustomerInvoicePagesAsync(query, CancellationToken.None))
        {
            count++;
        }

        Console.WriteLine($"done {count}");
    }

    private static Process StartChild(Uri baseAddress, int day, string folder)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{typeof(SharedBucketBenchmark).Assembly.Location}\" shared-child {baseAddress} {day}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment[RateLimiterRegistry.SharedFolderVariable] = folder;
        start.Environment.Remove(RateLimiterRegistry.RateScaleVariable);
        return Process.Start(start)!;
    }

    private static string Expect(Process child, string prefix)
    {
        var line = child.StandardOutput.ReadLine();
        return line is not null && line.StartsWith(prefix, StringComparison.Ordinal)
            ? line
            : throw new InvalidOperationException($"A benchmark process said '{line}' where '{prefix}...' was expected.");
    }
}
