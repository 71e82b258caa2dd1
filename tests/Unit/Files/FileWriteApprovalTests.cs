using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Files;
using SpApi.Core.Workflows;
using SpApi.Sandbox;
using SpApi.Tests.Support;
using static SpApi.Tests.CustomerInvoices.CustomerInvoiceRangeTests;

namespace SpApi.Tests.Files;

/// <summary>
/// -WhatIf and -Confirm of Sync-SpCustomerInvoice and Receive-SpInvoiceExport: each file is put to the approval
/// with its path before it is written; what is declined is not written, and a sync then keeps its mark.
/// </summary>
public sealed class FileWriteApprovalTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("spapi-approval-").FullName;
    private readonly FakeTimeProvider clock = new();
    private readonly List<(string Path, string Action)> asked = new();

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Folder => Path.Combine(root, "invoices");

    private string StatePath => Path.Combine(Folder, CustomerInvoiceSync.StateFileName);

    [Fact]
    public async Task ASyncAsksForEachNewPdfAndThenForTheStateFile()
    {
        await using var sandbox = await StartAsync(Data);
        var t1 = End.AddDays(-10);

        var result = await SyncAsync(sandbox, at: t1, since: t1.AddDays(-1), Approve(_ => true));

        var expected = Expected(t1.AddDays(-1), t1).Select(n => Path.Combine(Folder, n + ".pdf")).OrderBy(p => p).ToList();
        Assert.Equal(expected, asked.Where(a => a.Action == CustomerInvoiceSync.SaveAction).Select(a => a.Path).OrderBy(p => p));
        Assert.Equal(StatePath, asked[^1].Path);
        Assert.Contains("high-water mark", asked[^1].Action);
        Assert.Equal((expected.Count, 0), (result.New, result.Declined));
        Assert.True(File.Exists(StatePath));
    }

    [Fact]
    public async Task ASyncPreviewWritesNothingNotEvenTheFolderOrTheLock()
    {
        await using var sandbox = await StartAsync(Data);
        var t1 = End.AddDays(-10);

        var result = await SyncAsync(sandbox, at: t1, since: t1.AddDays(-1), new FileWriteApproval(preview: true, Record(_ => false)));

        Assert.False(Directory.Exists(Folder));
        Assert.Equal(Expected(t1.AddDays(-1), t1).Count(), result.Declined);
        Assert.Equal(0, result.New);
        Assert.Equal(result.Declined, asked.Count);
    }

    [Fact]
    public async Task ADeclinedPdfKeepsTheMarkAndTheNextRunBringsIt()
    {
        await using var sandbox = await StartAsync(Data);
        // Between two invoices (one every 6 hours), so the later runs find no new one.
        var t1 = End.AddDays(-10).AddHours(-3);
        await SyncAsync(sandbox, at: t1, since: t1.AddDays(-1), FileWriteApproval.Always);
        var mark = File.ReadAllText(StatePath);
        var victim = Path.Combine(Folder, Expected(t1.AddDays(-1), t1).First() + ".pdf");
        File.Delete(victim);

        var declined = await SyncAsync(sandbox, at: t1.AddHours(1), overlap: TimeSpan.FromDays(1), approval: Approve(path => path != victim));
        Assert.Equal((0, 1), (declined.New, declined.Declined));
        Assert.Equal(mark, File.ReadAllText(StatePath));
        Assert.DoesNotContain(asked, a => a.Path == StatePath);
        Assert.False(File.Exists(victim));

        var next = await SyncAsync(sandbox, at: t1.AddHours(2), overlap: TimeSpan.FromDays(1), approval: FileWriteApproval.Always);
        Assert.Equal((1, 0), (next.New, next.Declined));
        Assert.True(File.Exists(victim));
        Assert.NotEqual(mark, File.ReadAllText(StatePath));
    }

    [Fact]
    public async Task ASyncWithForceReplacesAChangedPdf()
    {
        await using var sandbox = await StartAsync(Data);
        var t1 = End.AddDays(-10);
        Directory.CreateDirectory(Folder);
        var number = Expected(t1.AddDays(-1), t1).First();
        var changed = Path.Combine(Folder, number + ".pdf");
        File.WriteAllBytes(changed, SandboxInvoice.Pdf("something else"));

        await Assert.ThrowsAsync<CustomerInvoiceSyncException>(() => SyncAsync(sandbox, at: t1, since: t1.AddDays(-1), FileWriteApproval.Always));
        var result = await SyncAsync(sandbox, at: t1, since: t1.AddDays(-1), FileWriteApproval.Always, force: true);

        Assert.Equal(0, result.Failed);
        Assert.Equal(SandboxInvoice.Pdf(number), File.ReadAllBytes(changed));
        Assert.True(File.Exists(StatePath));
    }

    [UnwritableFolderFact]
    public async Task ASyncInAFolderTheUserMayNotWriteToIsDeniedAtItsLock()
    {
        using var denied = UnwritableFolder.Create(root);
        await using var sandbox = await StartAsync(Data);
        var options = new CustomerInvoiceSyncOptions { Folder = denied.Path, Since = End.AddDays(-1) };

        var error = await Assert.ThrowsAsync<FileAccessDeniedException>(() => CustomerInvoiceSync.RunAsync(new CustomerInvoicesApi(sandbox.Client()), options, clock, _ => { }, null, CancellationToken.None));

        Assert.Equal(Path.Combine(denied.Path, ".spapi-sync.lock"), error.Target);
        Assert.Equal(0, sandbox.Counters.Requests);
    }

    [Fact]
    public async Task AReceiveAsksForEachDocumentWithItsZipPath()
    {
        await using var sandbox = await TaxInvoices.TaxSandbox.StartAsync(o => o.InvoicesPerDocument = 7);
        var (api, exportId) = await ExportAsync(sandbox);

        var files = await ReceiveAsync(api, exportId, Approve(_ => true));

        Assert.Equal(3, asked.Count);
        Assert.All(asked, a => Assert.Matches(@"\.zip$", a.Path));
        Assert.All(asked, a => Assert.Equal(Folder, Path.GetDirectoryName(a.Path)));
        Assert.All(asked, a => Assert.Contains("Download invoice document", a.Action));
        Assert.Equal(20, files.Count);
    }

    [Fact]
    public async Task ADeclinedDocumentIsNeitherDownloadedNorWritten()
    {
        await using var sandbox = await TaxInvoices.TaxSandbox.StartAsync(o => o.InvoicesPerDocument = 7);
        var (api, exportId) = await ExportAsync(sandbox);

        var files = await ReceiveAsync(api, exportId, new FileWriteApproval(preview: true, Record(_ => false)));

        Assert.Empty(files);
        Assert.Equal(3, asked.Count);
        Assert.False(Directory.Exists(Folder));
        Assert.Equal(0, sandbox.Counters.DocumentDownloads);
        Assert.Equal(0, sandbox.Counters.RequestsFor("getInvoicesDocument"));
    }

    [Fact]
    public async Task AReceiveIntoAFileIsRefusedBeforeAnyCall()
    {
        await using var sandbox = await TaxInvoices.TaxSandbox.StartAsync();
        var file = Path.Combine(root, "a-file.txt");
        File.WriteAllText(file, "not a folder");
        var before = sandbox.Counters.Requests;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => InvoiceExportReceiver.ReceiveAsync(
            new TaxInvoicesApi(sandbox.Client()), "EXPORT1", new InvoiceExportReceiveOptions { Folder = file }, clock, null, CancellationToken.None).ToListAsync());

        Assert.Equal("Path", error.ParamName);
        Assert.Equal(before, sandbox.Counters.Requests);
    }

    [UnwritableFolderFact]
    public async Task AReceiveInAFolderTheUserMayNotWriteToIsDeniedNamingTheZip()
    {
        using var denied = UnwritableFolder.Create(root);
        await using var sandbox = await TaxInvoices.TaxSandbox.StartAsync();
        var (api, exportId) = await ExportAsync(sandbox);

        var error = await Assert.ThrowsAsync<FileAccessDeniedException>(() => InvoiceExportReceiver.ReceiveAsync(
            api, exportId, new InvoiceExportReceiveOptions { Folder = denied.Path }, clock, null, CancellationToken.None).ToListAsync());

        Assert.Equal(denied.Path, Path.GetDirectoryName(error.Target));
        Assert.EndsWith(".zip", error.Target);
        Assert.DoesNotContain(".tmp", error.Message);
    }

    private Func<string, string, CancellationToken, Task<bool>> Record(Func<string, bool> answer) => (path, action, _) =>
    {
        asked.Add((path, action));
        return Task.FromResult(answer(path));
    };

    private FileWriteApproval Approve(Func<string, bool> answer) => new(preview: false, Record(answer));

    private Task<CustomerInvoiceSyncResult> SyncAsync(
        SandboxHarness sandbox, DateTimeOffset at, DateTimeOffset? since = null, FileWriteApproval? approval = null, bool force = false, TimeSpan? overlap = null)
    {
        clock.Advance(at - clock.GetUtcNow());
        var options = new CustomerInvoiceSyncOptions
        {
            Folder = Folder,
            Since = since,
            Force = force,
            Overlap = overlap ?? TimeSpan.FromHours(1),
            Approval = approval ?? FileWriteApproval.Always,
        };
        return CustomerInvoiceSync.RunAsync(new CustomerInvoicesApi(sandbox.Client()), options, clock, _ => { }, null, CancellationToken.None);
    }

    private static async Task<(TaxInvoicesApi Api, string ExportId)> ExportAsync(SandboxHarness sandbox)
    {
        var api = new TaxInvoicesApi(sandbox.Client());
        var exportId = await api.CreateInvoicesExportAsync(
            new ExportInvoicesRequest { MarketplaceId = TaxInvoices.TaxSandbox.Brazil, DateStart = TaxInvoices.TaxSandbox.End.AddDays(-5), DateEnd = TaxInvoices.TaxSandbox.End }, CancellationToken.None);
        return (api, exportId);
    }

    private async Task<List<string>> ReceiveAsync(TaxInvoicesApi api, string exportId, FileWriteApproval approval) =>
        await InvoiceExportReceiver.ReceiveAsync(api, exportId, new InvoiceExportReceiveOptions { Folder = Folder, Approval = approval }, clock, null, CancellationToken.None).ToListAsync();
}
