using System.IO.Compression;
using System.Net;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Http;
using SpApi.Core.Operations;
using SpApi.Tests.Support;

namespace SpApi.Sandbox.Tests;

/// <summary>
/// getInvoicesExports lists the store that getInvoicesExport and the documents read: the exports the
/// sandbox starts with can be got and downloaded, the ones created since are listed, with the model's
/// status, dateStart/dateEnd and nextToken.
/// </summary>
public sealed class InvoiceExportListTests
{
    private const string Brazil = "A2Q3Y263D00KWC";

    [Fact]
    public async Task EveryListedExportIsGotByItsIdAndItsDocumentsDownload()
    {
        await using var sandbox = await StartAsync();
        var api = new TaxInvoicesApi(sandbox.Client());
        using var http = new HttpClient();

        var listed = await ListAsync(api);

        Assert.Equal(12, listed.Count);
        foreach (var export in listed)
        {
            var got = await api.GetInvoicesExportAsync(export.ExportId!, CancellationToken.None);
            Assert.Equal(export.Status, got.Status);
            Assert.Equal(export.InvoicesDocumentIds, got.InvoicesDocumentIds);
        }

        var done = listed.Where(e => e.Status == "DONE").ToList();
        Assert.Equal(9, done.Count);
        foreach (var export in done)
        {
            var documentId = Assert.Single(export.InvoicesDocumentIds!);
            var document = await api.GetInvoicesDocumentAsync(documentId, CancellationToken.None);
            using var zip = new ZipArchive(new MemoryStream(await http.GetByteArrayAsync(document.InvoicesDocumentUrl)));

            // An export the sandbox starts with holds the invoices of the day before it was requested.
            var requested = export.GenerateExportStartedAt!.Value;
            var expected = sandbox.State.Options.TaxInvoices.Where(i => i.Date >= requested.AddDays(-1) && i.Date < requested).Select(i => i.Id + ".xml");
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Order(), zip.Entries.Select(e => e.FullName).Order());
        }
    }

    [Fact]
    public async Task ACreatedExportIsListedNextToTheOlderOnes()
    {
        await using var sandbox = await StartAsync();
        var api = new TaxInvoicesApi(sandbox.Client());

        var created = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil }, CancellationToken.None);
        var listed = await ListAsync(api);

        Assert.Equal(13, listed.Count);
        var export = Assert.Single(listed, e => e.ExportId == created);
        Assert.Equal("DONE", export.Status);
        Assert.Equal((await api.GetInvoicesExportAsync(created, CancellationToken.None)).InvoicesDocumentIds, export.InvoicesDocumentIds);
    }

    [Fact]
    public async Task TheListIsFilteredByStatusAndCreationDate()
    {
        await using var sandbox = await StartAsync();
        var api = new TaxInvoicesApi(sandbox.Client());
        var failed = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, ExternalInvoiceId = "SANDBOX-ERROR" }, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;

        var errors = await ListAsync(api, status: "ERROR");
        var doneThisWeek = await ListAsync(api, now.AddDays(-7.5), status: "DONE");
        var olderThanTenDays = await ListAsync(api, dateEnd: now.AddDays(-9.5));

        Assert.Equal(new[] { "EXPORT0012", "EXPORT0008", "EXPORT0004", failed }, errors.Select(e => e.ExportId));
        Assert.All(errors, e => Assert.Contains("ERROR", e.ErrorMessage));
        Assert.Equal(new[] { "EXPORT0007", "EXPORT0006", "EXPORT0005", "EXPORT0003", "EXPORT0002", "EXPORT0001" }, doneThisWeek.Select(e => e.ExportId));
        Assert.Equal(new[] { "EXPORT0012", "EXPORT0011", "EXPORT0010" }, olderThanTenDays.Select(e => e.ExportId));
    }

    [Fact]
    public async Task TheListIsPagedWithANextTokenBoundToItsQuery()
    {
        await using var sandbox = await StartAsync();
        var client = sandbox.Client();
        var api = new TaxInvoicesApi(client);
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil }, CancellationToken.None));
        }

        var pages = await api.GetInvoicesExportPagesAsync(Brazil, null, null, null, 5, CancellationToken.None).ToListAsync();

        Assert.Equal(new[] { 5, 5, 5 }, pages.Select(p => p.Exports.Count));
        var ids = pages.SelectMany(p => p.Exports).Select(e => e.ExportId!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(created, ids.TakeLast(3));
        Assert.Null(pages[^1].NextToken);
        var otherQuery = new SpApiRequest(SpApiOperations.GetInvoicesExports)
            .WithQuery("marketplaceId", Brazil).WithQuery("pageSize", 5).WithQuery("status", "DONE").WithQuery("nextToken", pages[0].NextToken);
        var error = await Assert.ThrowsAsync<SpApiException>(() => client.SendAsync<GetInvoicesExportsResponse>(otherQuery, CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    /// <summary>The default exports and tax invoices, exports done at once, and the one-a-minute document limit at one every 60 ms.</summary>
    private static Task<SandboxHarness> StartAsync() => SandboxHarness.StartAsync(o => o.ExportDelay = TimeSpan.Zero, rateScale: 1000);

    private static async Task<List<Export>> ListAsync(TaxInvoicesApi api, DateTimeOffset? dateStart = null, DateTimeOffset? dateEnd = null, string? status = null) =>
        (await api.GetInvoicesExportPagesAsync(Brazil, dateStart, dateEnd, status, null, CancellationToken.None).ToListAsync()).SelectMany(p => p.Exports).ToList();
}
