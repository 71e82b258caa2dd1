using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Json;

/// <summary>
/// What the client adds to deserialising a page: SpApiJson into the output model (CustomerInvoice, with
/// Size and GetContentBytes) against plain System.Text.Json into a minimal DTO, on the same bytes.
/// </summary>
internal static class OverheadBenchmark
{
    public static void Run()
    {
        var random = new Random(42);
        var invoices = Enumerable.Range(1, 100).Select(i =>
        {
            var pdf = new byte[50 * 1024];
            random.NextBytes(pdf);
            return new { purchaseOrderNumber = $"PO{i:D8}", content = Convert.ToBase64String(pdf) };
        }).ToList();
        var body = JsonSerializer.SerializeToUtf8Bytes(new { pagination = new { nextToken = "abc" }, customerInvoices = invoices });

        double Measure(Func<int> materialise)
        {
            for (var i = 0; i < 20; i++)
            {
                materialise();
            }

            var best = double.MaxValue;
            for (var round = 0; round < 5; round++)
            {
                var stopwatch = Stopwatch.StartNew();
                for (var i = 0; i < 50; i++)
                {
                    materialise();
                }

                best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds / 50);
            }

            return best;
        }

        var client = Measure(() => SpApiJson.Deserialize<CustomerInvoiceList>(body, "getCustomerInvoices").CustomerInvoices.Count);
        var plain = Measure(() => JsonSerializer.Deserialize<MinimalPage>(body)!.customerInvoices!.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"page={body.Length / 1024} KB client={client:0.000} ms plain={plain:0.000} ms ratio={client / plain:0.000}"));
    }

    private sealed class MinimalPage
    {
        public List<MinimalInvoice>? customerInvoices { get; set; }
    }

    private sealed class MinimalInvoice
    {
        public string? purchaseOrderNumber { get; set; }

        public string? content { get; set; }
    }
}
