using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Files;
using SpApi.Core.Workflows;
using SpApi.Sandbox;
using SpApi.Tests.Support;

using static SpApi.Tests.TaxInvoices.TaxSandbox;

namespace SpApi.Tests.Faults;

/// <summary>
/// Issue 14, item 2, across the wire: Receive-SpInvoiceExport's receiver against the sandbox's zip bomb and its
/// entries with duplicate and over-long names. Each ends in a typed error naming the document, with nothing of the
/// zip extracted into the folder.
/// </summary>
public sealed class HostileZipTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-hostile-zip-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AZipBombIsRefusedOnceWithATypedErrorNamingTheDocumentAndNothingIsKept(bool expand)
    {
        await using var sandbox = await StartAsync();
        var (api, exportId, documentId) = await ExportAsync(sandbox);
        sandbox.State.Faults.Inject(FaultKind.ZipBomb, 10, "download");

        var error = await Assert.ThrowsAsync<ZipLimitExceededException>(() => ReceiveAsync(api, exportId, expand));

        Assert.Equal(nameof(ZipLimits.MaxRatio), error.Limit);
        Assert.Equal(SandboxFaults.ZipBombEntry, error.Entry);
        Assert.Contains($"invoice document {documentId}", error.Message, StringComparison.Ordinal);
        // Not a corrupt download: fetching it again would bring the same bomb.
        Assert.Equal(1, sandbox.Counters.RequestsFor("getInvoicesDocument"));
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task TwoEntriesWithTheSameNameAreAnErrorNamingTheEntryNotAnOverwrite()
    {
        await using var sandbox = await StartAsync(o => o.InvoicesPerDocument = 5);
        var (api, exportId, documentId) = await ExportAsync(sandbox);
        sandbox.State.Faults.Inject(FaultKind.DuplicateZipEntries, 1, "download");

        var error = await Assert.ThrowsAsync<InvalidZipEntryException>(() => ReceiveAsync(api, exportId, expand: true));

        Assert.EndsWith(".xml", error.Entry, StringComparison.Ordinal);
        Assert.Contains(error.Entry, error.Message, StringComparison.Ordinal);
        Assert.Contains($"invoice document {documentId}", error.Message, StringComparison.Ordinal);
        AssertNothingExtracted();
    }

    [Fact]
    public async Task AnEntryNameOf300CharactersFailsBeforeAnyInvoiceIsExtracted()
    {
        await using var sandbox = await StartAsync(o => o.InvoicesPerDocument = 5);
        var (api, exportId, documentId) = await ExportAsync(sandbox);
        sandbox.State.Faults.Inject(FaultKind.LongZipEntryName, 1, "download");

        var error = await Assert.ThrowsAsync<InvalidZipEntryException>(() => ReceiveAsync(api, exportId, expand: true));

        Assert.Equal(SandboxFaults.LongZipEntryName, error.Entry);
        Assert.Contains($"invoice document {documentId}", error.Message, StringComparison.Ordinal);
        AssertNothingExtracted();
    }

    private static async Task<(TaxInvoicesApi Api, string ExportId, string DocumentId)> ExportAsync(SandboxHarness sandbox)
    {
        var api = new TaxInvoicesApi(sandbox.Client());
        var exportId = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-1), DateEnd = End }, CancellationToken.None);
        var documentId = (await api.GetInvoicesExportAsync(exportId, CancellationToken.None)).InvoicesDocumentIds![0];
        return (api, exportId, documentId);
    }

    private async Task<List<string>> ReceiveAsync(TaxInvoicesApi api, string exportId, bool expand)
    {
        var options = new InvoiceExportReceiveOptions { Folder = folder, Expand = expand };
        return await InvoiceExportReceiver.ReceiveAsync(api, exportId, options, new FakeTimeProvider(), null, CancellationToken.None).ToListAsync();
    }

    // No invoice and no temporary file or folder: only the downloaded zip, kept as Amazon sent it, may be there.
    private void AssertNothingExtracted()
    {
        Assert.Empty(Directory.GetFiles(folder, "*.xml", SearchOption.AllDirectories));
        Assert.All(Directory.GetFileSystemEntries(folder), e => Assert.EndsWith(".zip", e, StringComparison.Ordinal));
    }
}
