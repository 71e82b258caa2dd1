using SpApi.Sandbox;
using SpApi.Tests.Support;

namespace SpApi.Tests.TaxInvoices;

/// <summary>A sandbox with a fixed set of tax invoices and exports that finish at once.</summary>
internal static class TaxSandbox
{
    public const string Brazil = "A2Q3Y263D00KWC";

    public static readonly DateTimeOffset End = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>60 invoices, one every 6 hours before <see cref="End"/>.</summary>
    public static readonly List<SandboxTaxInvoice> Data = SandboxTaxInvoice.Generate(End, 60, TimeSpan.FromHours(6));

    /// <summary>Starts it; at the default 1000x the one-a-minute document limit is one every 60 ms.</summary>
    public static Task<SandboxHarness> StartAsync(Action<SandboxOptions>? configure = null, double scale = 1000) =>
        SandboxHarness.StartAsync(
            o =>
            {
                o.TaxInvoices.Clear();
                o.TaxInvoices.AddRange(Data);
                o.ExportDelay = TimeSpan.Zero;
                configure?.Invoke(o);
            },
            scale);
}
