using SpApi.Sandbox;
using SpApi.Tests.Support;

namespace SpApi.Tests.FinancesInvoices;

/// <summary>A sandbox whose Finances Invoices data is anchored at a fixed time, on a clock the test moves.</summary>
internal static class FinancesSandbox
{
    public const string Us = SandboxFinancesInvoices.Marketplace;

    public static readonly DateTimeOffset End = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>250 invoices one every 12 hours before <see cref="End"/>, plus the precision and the 1,250-line invoices.</summary>
    public static readonly List<SandboxFinancesInvoice> Data = SandboxFinancesInvoice.Generate(End, 250, TimeSpan.FromHours(12));

    /// <summary>The identifiers of the invoices issued in [from, to), as Amazon would return them.</summary>
    public static IEnumerable<string> IssuedIn(DateTimeOffset from, DateTimeOffset to) =>
        Data.Where(i => i.IssueDate >= from && i.IssueDate < to).Select(i => i.Identifier).OrderBy(i => i, StringComparer.Ordinal);

    /// <summary>Starts it with its data clock at <see cref="End"/> (the harness's rate scale of 1000 makes 0.5/s 500/s).</summary>
    public static async Task<(SandboxHarness Sandbox, FakeTimeProvider Clock)> StartAsync()
    {
        var clock = new FakeTimeProvider();
        clock.Advance(End - clock.GetUtcNow());
        var sandbox = await SandboxHarness.StartAsync(
            o =>
            {
                o.FinancesInvoices.Invoices.Clear();
                o.FinancesInvoices.Invoices.AddRange(Data);
                o.FinancesInvoices.Clock = clock;
            },
            rateScale: 1000);
        return (sandbox, clock);
    }
}
