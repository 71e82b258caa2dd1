using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Files;
using SpApi.Core.Workflows;
using SpApi.Tests.Support;

namespace SpApi.Tests.Files;

/// <summary>
/// Issue 14, item 2: what a killed run left (a temporary file of a download, an extraction folder) is removed when
/// the next receiver starts writing into the folder; only names of the module's pattern, only when old enough, and
/// never what a live process holds.
/// </summary>
public sealed class StaleTemporaryFileTests : IDisposable
{
    private const string Hex = "0123456789abcdef0123456789abcdef";

    private static readonly string[] LookAlikes =
    {
        ".DOC1.zip.tmp",
        $".DOC1.zip.{Hex.Substring(1)}.tmp",
        $".DOC1.zip.{Hex.ToUpperInvariant()}.tmp",
        $"DOC1.zip.{Hex}.tmp",
        $".DOC1.zip.{Hex}.tmp.keep",
        $".DOC1.zip.{Hex}g.tmp",
        "notes.tmp",
    };

    private readonly string folder = Directory.CreateTempSubdirectory("spapi-stale-").FullName;
    private readonly List<string> verbose = new();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task ReceiveSpInvoiceExportRemovesTheStaleTemporaryFilesOfItsPatternAndLeavesLookAlikes()
    {
        var download = Stale($".DOC1.zip.{Hex}.tmp");
        var extraction = StaleExtractionFolder($".DOC2.zip.{Hex.Replace('0', 'f')}.tmp");
        var customerInvoice = Stale($".PO1.pdf.{Hex.Replace('1', 'e')}.tmp");
        foreach (var name in LookAlikes)
        {
            Stale(name);
        }

        await using var sandbox = await TaxInvoices.TaxSandbox.StartAsync();
        var files = await ReceiveExportAsync(sandbox);

        Assert.NotEmpty(files);
        Assert.False(File.Exists(download));
        Assert.False(Directory.Exists(extraction));
        Assert.False(File.Exists(customerInvoice));
        Assert.All(LookAlikes, name => Assert.True(File.Exists(Path.Combine(folder, name)), name));
        Assert.Equal(3, verbose.Count);
        Assert.Contains(verbose, v => v.Contains(download, StringComparison.Ordinal));
        Assert.Contains(verbose, v => v.Contains(extraction, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATemporaryFileALiveWriterHoldsStaysAndSoDoesALiveExtractionFolder()
    {
        var held = Stale($".DOC1.zip.{Hex}.tmp");
        var extraction = StaleExtractionFolder($".DOC2.zip.{Hex.Replace('0', 'f')}.tmp");
        using var writer = new FileStream(held, FileMode.Open, FileAccess.Write, FileShare.None);
        using var extractor = new FileStream(Path.Combine(extraction, "lock"), FileMode.Open, FileAccess.Write, FileShare.None);

        await using var sandbox = await TaxInvoices.TaxSandbox.StartAsync();
        await ReceiveExportAsync(sandbox);

        Assert.True(File.Exists(held));
        Assert.True(Directory.Exists(extraction));
        Assert.Empty(verbose);
    }

    [Fact]
    public void ATemporaryFileWrittenWithinTheLastMinuteStays()
    {
        var young = Path.Combine(folder, $".DOC1.zip.{Hex}.tmp");
        File.WriteAllText(young, "just created: its writer may not hold it yet");

        var removed = StaleTemporaryFiles.Remove(folder, verbose.Add);

        Assert.Empty(removed);
        Assert.True(File.Exists(young));
    }

    [Fact]
    public async Task ReceiveSpGovernmentInvoiceRemovesAStaleTemporaryFile()
    {
        var stale = Stale($".sh1-REMITTANCE.xml.{Hex}.tmp");
        await using var sandbox = await TaxInvoices.GovernmentSandbox.StartAsync();
        var api = new GovernmentInvoicesApi(sandbox.Client());
        var shipment = TaxInvoices.GovernmentSandbox.Shipment();
        await api.CreateGovernmentInvoiceAsync(new GovernmentInvoiceRequest(shipment, TaxInvoices.GovernmentSandbox.Carrier()), CancellationToken.None);

        await GovernmentInvoiceReceiver.ReceiveAsync(api, shipment, new GovernmentInvoiceReceiveOptions { Folder = folder }, new FakeTimeProvider(), null, verbose.Add, CancellationToken.None);

        Assert.False(File.Exists(stale));
        Assert.Contains(verbose, v => v.Contains(stale, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SyncSpCustomerInvoiceRemovesAStaleTemporaryPdfButAPreviewLeavesIt()
    {
        var stale = Stale($".PO1.pdf.{Hex}.tmp");
        await using var sandbox = await SandboxHarness.StartAsync(RequestPath.RateLimitTests.UseInvoices(3));
        var clock = new FakeTimeProvider();
        clock.Advance(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) - clock.GetUtcNow());
        var api = new SpApi.Core.Apis.VendorDirectFulfillmentShipping.CustomerInvoicesApi(sandbox.Client());
        Task Sync(FileWriteApproval approval) => CustomerInvoiceSync.RunAsync(
            api, new CustomerInvoiceSyncOptions { Folder = folder, Since = clock.GetUtcNow().AddDays(-7), Approval = approval, Verbose = verbose.Add }, clock, _ => { }, null, CancellationToken.None);

        await Sync(new FileWriteApproval(preview: true, (_, _, _) => Task.FromResult(false)));
        Assert.True(File.Exists(stale), "-WhatIf must not delete anything");

        await Sync(FileWriteApproval.Always);
        Assert.False(File.Exists(stale));
        Assert.Contains(verbose, v => v.Contains(stale, StringComparison.Ordinal));
    }

    [Fact]
    public void TheModulesTemporaryNamesMatchThePatternTheCleanupRemoves()
    {
        var name = Path.GetFileName(AtomicFile.TemporaryNameFor(Path.Combine(folder, "DOC1.zip")));

        Assert.Matches(AtomicFile.TemporaryName, name);
        Assert.All(LookAlikes, n => Assert.DoesNotMatch(AtomicFile.TemporaryName, n));
    }

    private async Task<List<string>> ReceiveExportAsync(SandboxHarness sandbox)
    {
        var api = new TaxInvoicesApi(sandbox.Client());
        var end = TaxInvoices.TaxSandbox.End;
        var exportId = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = TaxInvoices.TaxSandbox.Brazil, DateStart = end.AddDays(-1), DateEnd = end }, CancellationToken.None);
        var options = new InvoiceExportReceiveOptions { Folder = folder, Verbose = verbose.Add };
        return await InvoiceExportReceiver.ReceiveAsync(api, exportId, options, new FakeTimeProvider(), null, CancellationToken.None).ToListAsync();
    }

    // A file last written two minutes ago, as a killed run leaves it.
    private string Stale(string name)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "left by a killed run");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-2));
        return path;
    }

    // An extraction folder a killed run left: its lock file and some extracted entries.
    private string StaleExtractionFolder(string name)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.Combine(path, "files"));
        File.WriteAllText(Path.Combine(path, "files", "NFE1.xml"), "<half/>");
        File.WriteAllText(Path.Combine(path, "lock"), string.Empty);
        File.SetLastWriteTimeUtc(Path.Combine(path, "lock"), DateTime.UtcNow.AddMinutes(-2));
        return path;
    }
}
