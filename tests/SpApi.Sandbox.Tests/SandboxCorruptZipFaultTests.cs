using System.IO.Compression;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.Tests.Support;

namespace SpApi.Sandbox.Tests;

/// <summary>The CorruptZip fault (issue 14, item 3): one document download answers bytes that are not a zip, the next is whole.</summary>
public sealed class SandboxCorruptZipFaultTests
{
    [Fact]
    public async Task CorruptZipAnswersOneDownloadThatIsNotAZipAndTheNextIsWhole()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.ExportDelay = TimeSpan.Zero, rateScale: 1000);
        var api = new TaxInvoicesApi(sandbox.Client());
        using var http = new HttpClient();
        var pages = await api.GetInvoicesExportPagesAsync("A2Q3Y263D00KWC", null, null, "DONE", 5, CancellationToken.None).ToListAsync();
        var done = pages.SelectMany(p => p.Exports).First();
        var document = await api.GetInvoicesDocumentAsync(done.InvoicesDocumentIds![0], CancellationToken.None);
        sandbox.State.Faults.Inject(FaultKind.CorruptZip, 1, "download");

        using var corrupt = await http.GetAsync(document.InvoicesDocumentUrl);
        var bytes = await corrupt.Content.ReadAsByteArrayAsync();
        var whole = await http.GetByteArrayAsync(document.InvoicesDocumentUrl);

        Assert.True(corrupt.IsSuccessStatusCode);
        Assert.Equal("application/zip", corrupt.Content.Headers.ContentType!.MediaType);
        Assert.Equal(SandboxFaults.CorruptZip, bytes);
        Assert.Throws<InvalidDataException>(() => new ZipArchive(new MemoryStream(bytes)));
        using var zip = new ZipArchive(new MemoryStream(whole));
        Assert.NotEmpty(zip.Entries);
    }
}
