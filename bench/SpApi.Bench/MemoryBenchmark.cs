using System.Diagnostics;
using System.Globalization;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;

/// <summary>
/// Streams N invoices through the pager and discards them, sampling the managed heap after every page.
/// The sandbox runs in its own process, so its data set does not count. Flat means the peak does not
/// grow with N.
/// </summary>
internal static class MemoryBenchmark
{
    public static async Task RunAsync()
    {
        foreach (var count in new[] { 10_000, 100_000 })
        {
            using (var sandbox = new SandboxProcess(1000, $"--invoices {count}"))
            {
                var api = new CustomerInvoicesApi(sandbox.Client);
                // The sandbox spreads the invoices over the 7 days before the hour it started in.
                var now = DateTimeOffset.UtcNow;
                var anchor = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
                var query = new CustomerInvoicesQuery { CreatedAfter = anchor.AddDays(-7), CreatedBefore = anchor, PageSize = 100 };

                GC.Collect();
                var baseline = GC.GetTotalMemory(forceFullCollection: true);
                long peak = 0, seen = 0;
                var stopwatch = Stopwatch.StartNew();
                await foreach (var page in api.GetCustomerInvoicePagesAsync(query, CancellationToken.None))
                {
                    seen += page.CustomerInvoices.Count;
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"invoices={seen} pages={seen / 100} seconds={stopwatch.Elapsed.TotalSeconds:0.0} baseline={baseline / 1048576.0:0.0} MB peak={peak / 1048576.0:0.0} MB peak-over-baseline={(peak - baseline) / 1048576.0:0.0} MB"));
            }
        }
    }
}
