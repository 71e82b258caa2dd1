using System.Net;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Files;
using SpApi.Core.Http;
using SpApi.Sandbox;
using SpApi.Tests.Support;

using static SpApi.Tests.TaxInvoices.TaxSandbox;

namespace SpApi.Tests.TaxInvoices;

/// <summary>The Tax Invoices operations, the document download and the zip extraction, against the sandbox.</summary>
public sealed class TaxInvoicesApiTests : IDisposable
{


    private readonly string folder = Directory.CreateTempSubdirectory("spapi-tax-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task AttributesListTheOptionsOfTheMarketplace()
    {
        await using var sandbox = await StartAsync();
        var attributes = await new TaxInvoicesApi(sandbox.Client()).GetInvoicesAttributesAsync(Brazil, CancellationToken.None);

        Assert.Equal(TaxInvoiceAttributes.Statuses, attributes.InvoiceStatusOptions.Select(o => o.Value));
        Assert.Equal(TaxInvoiceAttributes.IdentifierNames, attributes.TransactionIdentifierNameOptions.Select(o => o.Value));
    }

    [Fact]
    public async Task InvoicesArePagedThroughTheTopLevelNextToken()
    {
        await using var sandbox = await StartAsync();
        var api = new TaxInvoicesApi(sandbox.Client());
        var query = new InvoicesQuery { MarketplaceId = Brazil, DateStart = End.AddDays(-10), DateEnd = End, PageSize = 7, Statuses = new[] { "AUTHORIZED", "REJECTED" } };

        var pages = await api.GetInvoicePagesAsync(query, CancellationToken.None).ToListAsync();

        var expected = Data.Where(i => i.Date >= End.AddDays(-10) && i.Status is "AUTHORIZED" or "REJECTED").Select(i => i.Id).OrderBy(i => i);
        Assert.Equal(expected, pages.SelectMany(p => p.Invoices).Select(i => i.Id!).OrderBy(i => i));
        Assert.True(pages.Count > 1);
        Assert.All(pages.SelectMany(p => p.Invoices), i => Assert.Equal("SHIPMENT_ID", i.TransactionIds![0].Name));
    }

    [Fact]
    public async Task OneInvoiceByIdAndAMissingOne()
    {
        await using var sandbox = await StartAsync();
        var api = new TaxInvoicesApi(sandbox.Client());

        Assert.Equal("NFE00000003", (await api.GetInvoiceAsync(Brazil, "NFE00000003", CancellationToken.None)).Id);
        var error = await Assert.ThrowsAsync<SpApiException>(() => api.GetInvoiceAsync(Brazil, "NFE99999999", CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task AnExportIsDownloadedAndExpandedToExactlyItsInvoices()
    {
        await using var sandbox = await StartAsync(o => o.InvoicesPerDocument = 10);
        var client = sandbox.Client();
        var api = new TaxInvoicesApi(client);

        var exportId = await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-7), DateEnd = End, FileFormat = "XML" }, CancellationToken.None);
        var export = await api.GetInvoicesExportAsync(exportId, CancellationToken.None);
        Assert.Equal("DONE", export.Status);
        Assert.Equal(3, export.InvoicesDocumentIds!.Count);

        var files = new List<string>();
        foreach (var documentId in export.InvoicesDocumentIds)
        {
            var document = await api.GetInvoicesDocumentAsync(documentId, CancellationToken.None);
            var zip = Path.Combine(folder, documentId + ".zip");
            await DocumentDownload.DownloadAsync(client, new Uri(document.InvoicesDocumentUrl!), zip, CancellationToken.None);
            files.AddRange(await ZipExtraction.ExtractAsync(zip, folder, CancellationToken.None));
        }

        var expected = Data.Where(i => i.Date >= End.AddDays(-7)).Select(i => i.Id + ".xml").OrderBy(n => n);
        Assert.Equal(expected, files.Select(Path.GetFileName).OrderBy(n => n));
        Assert.Equal(expected, Directory.GetFiles(folder, "*.xml").Select(Path.GetFileName).OrderBy(n => n));
        Assert.Contains("<infNFe Id=\"NFE00000001\">", File.ReadAllText(Path.Combine(folder, "NFE00000001.xml")));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public async Task AnExpiredUrlIsRecognisedAndANewOneWorks()
    {
        await using var sandbox = await StartAsync(o => o.ExpiredDocumentUrls = 1);
        var client = sandbox.Client();
        var api = new TaxInvoicesApi(client);
        var export = await api.GetInvoicesExportAsync(
            await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-2), DateEnd = End }, CancellationToken.None),
            CancellationToken.None);
        var documentId = export.InvoicesDocumentIds![0];
        var zip = Path.Combine(folder, "document.zip");

        var stale = await api.GetInvoicesDocumentAsync(documentId, CancellationToken.None);
        await Assert.ThrowsAsync<DocumentUrlExpiredException>(() => DocumentDownload.DownloadAsync(client, new Uri(stale.InvoicesDocumentUrl!), zip, CancellationToken.None));
        Assert.False(File.Exists(zip));

        var fresh = await api.GetInvoicesDocumentAsync(documentId, CancellationToken.None);
        await DocumentDownload.DownloadAsync(client, new Uri(fresh.InvoicesDocumentUrl!), zip, CancellationToken.None);
        Assert.True(new FileInfo(zip).Length > 0);
        Assert.Equal(1, sandbox.Counters.DocumentDownloads);
    }

    [Fact]
    public async Task ADownloadThatGetsNoAnswerTimesOutAndLeavesNoFile()
    {
        await using var sandbox = await StartAsync();
        var clock = new FakeTimeProvider();
        var timeout = TimeSpan.FromMinutes(2);
        // No retries: a download is retried after a timeout like a GET, and this test is about the timeout itself.
        var client = sandbox.Client(time: clock, requestTimeout: timeout, retryDelay: TimeSpan.Zero, maxRetries: 0);
        var api = new TaxInvoicesApi(client);
        var export = await api.GetInvoicesExportAsync(
            await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-2), DateEnd = End }, CancellationToken.None),
            CancellationToken.None);
        var document = await api.GetInvoicesDocumentAsync(export.InvoicesDocumentIds![0], CancellationToken.None);
        var zip = Path.Combine(folder, "document.zip");
        // The server holds the download far beyond the test; only the client's timeout, on its fake clock, ends it.
        sandbox.State.Faults.SlowDelay = TimeSpan.FromMinutes(5);
        sandbox.State.Faults.Inject(FaultKind.Slow, 1, "download");
        var held = sandbox.State.Faults.NextSlowStart("download");

        var download = DocumentDownload.DownloadAsync(client, new Uri(document.InvoicesDocumentUrl!), zip, CancellationToken.None);
        await held;
        clock.Advance(timeout);
        var error = await Assert.ThrowsAsync<SpApi.Core.Http.SpApiException>(() => download.Within());

        Assert.Equal(SpApiFailureKind.Timeout, error.Kind);
        Assert.Contains("download timed out after 120 s", error.Message);
        Assert.False(File.Exists(zip));
        Assert.Equal(1, sandbox.Counters.FaultsInjected);
    }

    [Theory]
    [InlineData("ERROR")]
    [InlineData("CANCELLED")]
    public async Task AFailedExportSaysSo(string status)
    {
        await using var sandbox = await StartAsync();
        var api = new TaxInvoicesApi(sandbox.Client());

        var export = await api.GetInvoicesExportAsync(
            await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, ExternalInvoiceId = "SANDBOX-" + status }, CancellationToken.None),
            CancellationToken.None);

        Assert.Equal(status, export.Status);
        Assert.Empty(export.InvoicesDocumentIds!);
        Assert.Contains(status, export.ErrorMessage);
    }

    [Fact]
    public async Task AZipSlipEntryIsRefusedAndNothingIsExtracted()
    {
        await using var sandbox = await StartAsync(o => o.MaliciousZipEntry = "../outside.xml");
        var client = sandbox.Client();
        var api = new TaxInvoicesApi(client);
        var export = await api.GetInvoicesExportAsync(
            await api.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End.AddDays(-2), DateEnd = End }, CancellationToken.None),
            CancellationToken.None);
        var zip = Path.Combine(folder, "document.zip");
        await DocumentDownload.DownloadAsync(client, new Uri((await api.GetInvoicesDocumentAsync(export.InvoicesDocumentIds![0], CancellationToken.None)).InvoicesDocumentUrl!), zip, CancellationToken.None);
        var target = Path.Combine(folder, "expanded");

        var error = await Assert.ThrowsAsync<ZipSlipException>(() => ZipExtraction.ExtractAsync(zip, target, CancellationToken.None));

        Assert.Contains("../outside.xml", error.Message);
        Assert.False(Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any());
        Assert.False(File.Exists(Path.Combine(folder, "outside.xml")));
    }

    [Theory]
    [InlineData("XX000", null, null, null, null, "MarketplaceId")]
    [InlineData(Brazil, -1, -2, null, null, "DateEnd")]
    [InlineData(Brazil, null, null, "SHIPMENT_ID", null, "TransactionIdentifierId")]
    [InlineData(Brazil, null, null, null, "PDF", "FileFormat")]
    public async Task BadExportRequestsAreRefusedBeforeAnyCall(string marketplaceId, int? startDays, int? endDays, string? identifierName, string? fileFormat, string parameter)
    {
        await using var sandbox = await StartAsync();
        var api = new TaxInvoicesApi(sandbox.Client());
        var request = new ExportInvoicesRequest
        {
            MarketplaceId = marketplaceId,
            DateStart = startDays is { } s ? End.AddDays(s) : null,
            DateEnd = endDays is { } e ? End.AddDays(e) : null,
            TransactionIdentifier = identifierName is null ? null : new TransactionIdentifier { Name = identifierName },
            FileFormat = fileFormat,
        };

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => api.CreateInvoicesExportAsync(request, CancellationToken.None));

        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(0, sandbox.Counters.Requests);
    }

    [Fact]
    public async Task BadListFiltersAreRefusedBeforeAnyCall()
    {
        await using var sandbox = await StartAsync();
        var api = new TaxInvoicesApi(sandbox.Client());

        Assert.Equal("Status", Assert.Throws<ArgumentException>(() => api.GetInvoicesExportPagesAsync(Brazil, null, null, "FINISHED", null, CancellationToken.None)).ParamName);
        Assert.Equal("PageSize", Assert.Throws<ArgumentOutOfRangeException>(() => api.GetInvoicesExportPagesAsync(Brazil, null, null, null, 101, CancellationToken.None)).ParamName);
        Assert.Equal("PageSize", Assert.Throws<ArgumentOutOfRangeException>(() => api.GetInvoicePagesAsync(new InvoicesQuery { MarketplaceId = Brazil, PageSize = 201 }, CancellationToken.None)).ParamName);
        Assert.Equal("Status", Assert.Throws<ArgumentException>(() => api.GetInvoicePagesAsync(new InvoicesQuery { MarketplaceId = Brazil, Statuses = Array.Empty<string>() }, CancellationToken.None)).ParamName);
        Assert.Equal("SortOrder", Assert.Throws<ArgumentException>(() => api.GetInvoicePagesAsync(new InvoicesQuery { MarketplaceId = Brazil, SortOrder = "UP" }, CancellationToken.None)).ParamName);
        Assert.Equal(0, sandbox.Counters.Requests);
    }

}
