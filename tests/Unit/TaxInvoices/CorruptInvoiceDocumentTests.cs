using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Files;
using SpApi.Core.Workflows;
using SpApi.Sandbox;
using SpApi.Tests.Support;

using static SpApi.Tests.TaxInvoices.TaxSandbox;

namespace SpApi.Tests.TaxInvoices;

/// <summary>
/// Issue 14, item 3: a document that is not a valid zip is never kept as the document. A corrupt download is
/// fetched again (a new URL each time, within getInvoicesDocument's one a minute), a corrupt zip already on disk
/// is discarded, and one that stays corrupt ends in a typed error naming the document with nothing left behind.
/// </summary>
public sealed class CorruptInvoiceDocumentTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-corrupt-").FullName;
    private readonly List<string> warnings = new();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task ACorruptFirstDownloadIsFetchedAgainAndExtracted()
    {
        await using var sandbox = await StartAsync();
        var (api, exportId) = await ExportAsync(sandbox);
        sandbox.State.Faults.Inject(FaultKind.CorruptZip, 1, "download");

        var files = await ReceiveAsync(api, exportId, expand: true);

        Assert.Equal(4, files.Count);
        Assert.All(files, f => Assert.StartsWith("<", File.ReadAllText(f).TrimStart()));
        Assert.Equal(2, sandbox.Counters.RequestsFor("getInvoicesDocument"));
        Assert.Equal(0, sandbox.Counters.Throttled);
        Assert.Contains(warnings, w => w.Contains("not a valid zip", StringComparison.Ordinal) && w.Contains("fetched again", StringComparison.Ordinal));
        AssertNoZipOrTemporaryFile();
    }

    [Fact]
    public async Task WithNoExpandACorruptDownloadIsStillRefusedAndTheKeptZipIsValid()
    {
        await using var sandbox = await StartAsync();
        var (api, exportId) = await ExportAsync(sandbox);
        sandbox.State.Faults.Inject(FaultKind.CorruptZip, 1, "download");

        var zips = await ReceiveAsync(api, exportId, expand: false);

        var zip = Assert.Single(zips);
        Assert.True(ZipExtraction.IsValid(zip));
        Assert.Equal(2, sandbox.Counters.RequestsFor("getInvoicesDocument"));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACorruptZipAlreadyOnDiskIsDiscardedAndFetchedAgain(bool expand)
    {
        await using var sandbox = await StartAsync();
        var (api, exportId) = await ExportAsync(sandbox);
        var documentId = Assert.Single((await api.GetInvoicesExportAsync(exportId, CancellationToken.None)).InvoicesDocumentIds!);
        var stale = Path.Combine(folder, documentId + ".zip");
        File.WriteAllBytes(stale, SandboxFaults.CorruptZip);

        var files = await ReceiveAsync(api, exportId, expand);

        Assert.Equal(expand ? 4 : 1, files.Count);
        Assert.Equal(1, sandbox.Counters.DocumentDownloads);
        Assert.Contains(warnings, w => w.Contains(documentId, StringComparison.Ordinal) && w.Contains("discarded", StringComparison.Ordinal));
        if (expand)
        {
            AssertNoZipOrTemporaryFile();
        }
        else
        {
            Assert.True(ZipExtraction.IsValid(stale));
        }
    }

    [Fact]
    public async Task WhatIfLeavesACorruptZipOnDiskWhereItIs()
    {
        await using var sandbox = await StartAsync();
        var (api, exportId) = await ExportAsync(sandbox);
        var documentId = Assert.Single((await api.GetInvoicesExportAsync(exportId, CancellationToken.None)).InvoicesDocumentIds!);
        var stale = Path.Combine(folder, documentId + ".zip");
        File.WriteAllBytes(stale, SandboxFaults.CorruptZip);
        var asked = new List<string>();
        var whatIf = new FileWriteApproval(preview: true, (target, action, _) =>
        {
            asked.Add(action);
            return Task.FromResult(false);
        });

        var options = new InvoiceExportReceiveOptions { Folder = folder, Approval = whatIf, Warn = warnings.Add };
        var files = await InvoiceExportReceiver.ReceiveAsync(api, exportId, options, new FakeTimeProvider(), null, CancellationToken.None).ToListAsync();

        Assert.Empty(files);
        Assert.Contains("Download", Assert.Single(asked), StringComparison.Ordinal);
        Assert.Equal(SandboxFaults.CorruptZip, File.ReadAllBytes(stale));
        Assert.Empty(warnings);
        Assert.Equal(0, sandbox.Counters.DocumentDownloads);
    }

    [Fact]
    public async Task ADocumentCorruptOnEveryAttemptEndsWithATypedErrorNamingItAndLeavesNothing()
    {
        await using var sandbox = await StartAsync();
        var (api, exportId) = await ExportAsync(sandbox);
        var documentId = Assert.Single((await api.GetInvoicesExportAsync(exportId, CancellationToken.None)).InvoicesDocumentIds!);
        sandbox.State.Faults.Inject(FaultKind.CorruptZip, 10, "download");

        var error = await Assert.ThrowsAsync<InvoiceDocumentCorruptException>(() => ReceiveAsync(api, exportId, expand: true));

        Assert.Equal(documentId, error.DocumentId);
        Assert.Contains(documentId, error.Message, StringComparison.Ordinal);
        Assert.Equal(3, sandbox.Counters.RequestsFor("getInvoicesDocument"));
        Assert.Equal(0, sandbox.Counters.Throttled);
        AssertNoZipOrTemporaryFile();
        Assert.Empty(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
    }

    private static async Task<(TaxInvoicesApi Api, string ExportId)> ExportAsync(SandboxHarness sandbox)
    {
        var api = new TaxInvoicesApi(sandbox.Client());
        var exportId = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-1), DateEnd = End }, CancellationToken.None);
        return (api, exportId);
    }

    private async Task<List<string>> ReceiveAsync(TaxInvoicesApi api, string exportId, bool expand)
    {
        var options = new InvoiceExportReceiveOptions { Folder = folder, Expand = expand, Warn = warnings.Add };
        return await InvoiceExportReceiver.ReceiveAsync(api, exportId, options, new FakeTimeProvider(), null, CancellationToken.None).ToListAsync();
    }

    private void AssertNoZipOrTemporaryFile()
    {
        Assert.Empty(Directory.GetFiles(folder, "*.zip", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
    }
}
