using System.Diagnostics;
using System.Globalization;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Workflows;

/// <summary>
/// Receives an export whose document is a zip of about 1 GB, downloading and expanding it, while a
/// sampler records the managed heap. The sandbox runs in its own process and streams the zip.
/// </summary>
internal static class LargeExportBenchmark
{
    public static async Task RunAsync(int megabytes)
    {
        using var sandbox = new SandboxProcess(1000, $"--document-mb {megabytes}");
        var client = sandbox.Client;
        var folder = Directory.CreateTempSubdirectory("spapi-large-").FullName;
        try
        {
            var api = new TaxInvoicesApi(client);
            var exportId = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = "A2Q3Y263D00KWC", DateStart = DateTimeOffset.UtcNow.AddDays(-1) }, CancellationToken.None);

            GC.Collect();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            long peak = baseline;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                    await Task.Delay(20);
                }
            });

            var stopwatch = Stopwatch.StartNew();
            var files = new List<string>();
            var options = new InvoiceExportReceiveOptions { Folder = folder, PollInterval = TimeSpan.FromSeconds(1) };
            await foreach (var file in InvoiceExportReceiver.ReceiveAsync(api, exportId, options, TimeProvider.System, null, CancellationToken.None))
            {
                files.Add(file);
            }

            sampling.Cancel();
            await sampler;
            var bytes = files.Sum(f => new FileInfo(f).Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"expanded={bytes / 1048576.0:0} MB files={files.Count} seconds={stopwatch.Elapsed.TotalSeconds:0.0} peak-extra-managed={(peak - baseline) / 1048576.0:0.0} MB"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
