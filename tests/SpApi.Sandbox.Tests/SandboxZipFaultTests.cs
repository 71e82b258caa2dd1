using System.IO.Compression;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.Tests.Support;

namespace SpApi.Sandbox.Tests;

/// <summary>
/// The zip faults of issue 14, item 10, for item 2: a zip bomb, and entries with duplicate or over-long names. Each
/// strikes one document download; the next is whole.
/// </summary>
public sealed class SandboxZipFaultTests
{
    [Fact]
    public async Task ZipBombAnswersASmallValidZipWhoseOneEntryExpandsToAGibibyte()
    {
        var (bomb, whole) = await DownloadTwiceAsync(FaultKind.ZipBomb);

        using var zip = new ZipArchive(new MemoryStream(bomb));
        var entry = Assert.Single(zip.Entries);
        Assert.Equal(SandboxFaults.ZipBombEntry, entry.FullName);
        Assert.Equal(SandboxFaults.ZipBombExpandedBytes, entry.Length);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is {bomb.Length} bytes on the wire");
        Assert.True(entry.Length / entry.CompressedLength > 500);
        Assert.All(Names(whole), n => Assert.EndsWith(".xml", n));
    }

    [Fact]
    public async Task DuplicateZipEntriesRepeatsTheFirstInvoicesNameWithOtherContent()
    {
        var (duplicated, whole) = await DownloadTwiceAsync(FaultKind.DuplicateZipEntries);

        using var zip = new ZipArchive(new MemoryStream(duplicated));
        var first = zip.Entries[0];
        var copy = Assert.Single(zip.Entries.Skip(1), e => e.FullName == first.FullName);
        Assert.NotEqual(Text(first), Text(copy));
        Assert.Equal(Names(whole).Count + 1, zip.Entries.Count);
        Assert.Equal(Names(whole).Count, Names(whole).Distinct().Count());
    }

    [Fact]
    public async Task LongZipEntryNameAddsAnEntryOf300CharactersAfterTheInvoices()
    {
        var (longName, whole) = await DownloadTwiceAsync(FaultKind.LongZipEntryName);

        var names = Names(longName);
        Assert.Equal(300, SandboxFaults.LongZipEntryName.Length);
        Assert.Equal(SandboxFaults.LongZipEntryName, names[^1]);
        Assert.Equal(Names(whole), names.Take(names.Count - 1));
        Assert.True(names.Count > 3);
    }

    // One download with the fault, then one without, of the same document.
    private static async Task<(byte[] Faulty, byte[] Whole)> DownloadTwiceAsync(FaultKind fault)
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.ExportDelay = TimeSpan.Zero, rateScale: 1000);
        var api = new TaxInvoicesApi(sandbox.Client());
        using var http = new HttpClient();
        var pages = await api.GetInvoicesExportPagesAsync("A2Q3Y263D00KWC", null, null, "DONE", 5, CancellationToken.None).ToListAsync();
        var done = pages.SelectMany(p => p.Exports).First();
        var document = await api.GetInvoicesDocumentAsync(done.InvoicesDocumentIds![0], CancellationToken.None);
        sandbox.State.Faults.Inject(fault, 1, "download");

        using var faulty = await http.GetAsync(document.InvoicesDocumentUrl);
        Assert.True(faulty.IsSuccessStatusCode);
        Assert.Equal("application/zip", faulty.Content.Headers.ContentType!.MediaType);
        return (await faulty.Content.ReadAsByteArrayAsync(), await http.GetByteArrayAsync(document.InvoicesDocumentUrl));
    }

    private static List<string> Names(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    private static string Text(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
