using SpApi.Core.Endpoints;
using SpApi.Core.Http;
using SpApi.Core.Operations;
using SpApi.Core.Paging;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>Typed calls of the Tax Invoices API 2024-06-19 (Brazil, NA endpoint); every value is checked before a call.</summary>
public sealed class TaxInvoicesApi
{
    /// <summary>The one marketplace the Tax Invoices API serves: Brazil.</summary>
    public const string BrazilMarketplaceId = "A2Q3Y263D00KWC";

    private readonly SpApiClient client;

    /// <summary>Creates the API over a client.</summary>
    public TaxInvoicesApi(SpApiClient client) => this.client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>The connection's client, whose send path also downloads the documents.</summary>
    internal SpApiClient Client => client;

    /// <summary>getInvoicesAttributes: the statuses, types and identifier names a marketplace accepts.</summary>
    public async Task<InvoicesAttributes> GetInvoicesAttributesAsync(string marketplaceId, CancellationToken cancellationToken)
    {
        CheckMarketplace(marketplaceId);
        var response = await client.SendAsync<GetInvoicesAttributesResponse>(
            new SpApiRequest(SpApiOperations.GetInvoicesAttributes).WithQuery("marketplaceId", marketplaceId), cancellationToken).ConfigureAwait(false);
        return response.InvoicesAttributes ?? new InvoicesAttributes();
    }

    /// <summary>getInvoices, every page.</summary>
    public IAsyncEnumerable<GetInvoicesResponse> GetInvoicePagesAsync(InvoicesQuery query, CancellationToken cancellationToken)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        CheckMarketplace(query.MarketplaceId);
        CheckPeriod(query.DateStart, query.DateEnd);
        CheckTransactionIdentifier(query.TransactionIdentifierName, query.TransactionIdentifierId);
        CheckStatuses(query.Statuses);
        PageSize.Check(query.PageSize, 200, "getInvoices");
        if (query.SortOrder is not (null or "ASC" or "DESC"))
        {
            throw new ArgumentException($"SortOrder must be ASC or DESC, not '{query.SortOrder}'.", "SortOrder");
        }

        var request = new SpApiRequest(SpApiOperations.GetInvoices)
            .WithQuery("marketplaceId", query.MarketplaceId)
            .WithQuery("dateStart", query.DateStart)
            .WithQuery("dateEnd", query.DateEnd)
            .WithQuery("transactionIdentifierName", query.TransactionIdentifierName)
            .WithQuery("transactionIdentifierId", query.TransactionIdentifierId)
            .WithQuery("transactionType", query.TransactionType)
            .WithQuery("invoiceType", query.InvoiceType)
            .WithQuery("statuses", query.Statuses is null ? null : string.Join(",", query.Statuses))
            .WithQuery("series", query.Series)
            .WithQuery("externalInvoiceId", query.ExternalInvoiceId)
            .WithQuery("sortOrder", query.SortOrder)
            .WithQuery("pageSize", query.PageSize);
        return client.PageAsync<GetInvoicesResponse>(request, cancellationToken);
    }

    /// <summary>getInvoice.</summary>
    public async Task<Invoice> GetInvoiceAsync(string marketplaceId, string invoiceId, CancellationToken cancellationToken)
    {
        CheckMarketplace(marketplaceId);
        var response = await client.SendAsync<GetInvoiceResponse>(
            new SpApiRequest(SpApiOperations.GetInvoice).WithPath("invoiceId", Required(invoiceId, "InvoiceId")).WithQuery("marketplaceId", marketplaceId),
            cancellationToken).ConfigureAwait(false);
        return response.Invoice ?? throw SpApiException.MissingInResponse(SpApiOperations.GetInvoice, $"invoice for {invoiceId}");
    }

    /// <summary>createInvoicesExport. Returns the export id.</summary>
    public async Task<string> CreateInvoicesExportAsync(ExportInvoicesRequest request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        CheckMarketplace(request.MarketplaceId);
        CheckPeriod(request.DateStart, request.DateEnd);
        CheckTransactionIdentifier(request.TransactionIdentifier?.Name, request.TransactionIdentifier?.Id);
        CheckStatuses(request.Statuses);
        if (request.FileFormat is not (null or "XML"))
        {
            throw new ArgumentException($"FileFormat must be XML (the only format the model has), not '{request.FileFormat}'.", "FileFormat");
        }

        var response = await client.SendAsync<ExportInvoicesResponse>(
            new SpApiRequest(SpApiOperations.CreateInvoicesExport).WithJsonBody(request), cancellationToken).ConfigureAwait(false);
        return response.ExportId ?? throw SpApiException.MissingInResponse(SpApiOperations.CreateInvoicesExport, "exportId");
    }

    /// <summary>getInvoicesExports, every page.</summary>
    public IAsyncEnumerable<GetInvoicesExportsResponse> GetInvoicesExportPagesAsync(
        string marketplaceId,
        DateTimeOffset? dateStart,
        DateTimeOffset? dateEnd,
        string? status,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        CheckMarketplace(marketplaceId);
        CheckPeriod(dateStart, dateEnd);
        PageSize.Check(pageSize, 100, "getInvoicesExports");
        if (status is not (null or "REQUESTED" or "PROCESSING" or "DONE" or "ERROR"))
        {
            throw new ArgumentException($"Status must be REQUESTED, PROCESSING, DONE or ERROR (the model's ExportStatus), not '{status}'.", "Status");
        }

        var request = new SpApiRequest(SpApiOperations.GetInvoicesExports)
            .WithQuery("marketplaceId", marketplaceId)
            .WithQuery("dateStart", dateStart)
            .WithQuery("dateEnd", dateEnd)
            .WithQuery("status", status)
            .WithQuery("pageSize", pageSize);
        return client.PageAsync<GetInvoicesExportsResponse>(request, cancellationToken);
    }

    /// <summary>getInvoicesExport.</summary>
    public async Task<Export> GetInvoicesExportAsync(string exportId, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync<GetInvoicesExportResponse>(
            new SpApiRequest(SpApiOperations.GetInvoicesExport).WithPath("exportId", Required(exportId, "ExportId")), cancellationToken).ConfigureAwait(false);
        return response.Export ?? throw SpApiException.MissingInResponse(SpApiOperations.GetInvoicesExport, $"export for {exportId}");
    }

    /// <summary>getInvoicesDocument: a URL valid for 30 seconds, so download it at once.</summary>
    public async Task<InvoicesDocument> GetInvoicesDocumentAsync(string invoicesDocumentId, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync<GetInvoicesDocumentResponse>(
            new SpApiRequest(SpApiOperations.GetInvoicesDocument).WithPath("invoicesDocumentId", Required(invoicesDocumentId, "InvoicesDocumentId")),
            cancellationToken).ConfigureAwait(false);
        return response.InvoicesDocument is { InvoicesDocumentUrl: { Length: > 0 } } document
            ? document
            : throw SpApiException.MissingInResponse(SpApiOperations.GetInvoicesDocument, $"URL for {invoicesDocumentId}");
    }

    /// <summary>
    /// Throws <see cref="UnsupportedMarketplaceException"/> for a marketplace other than Brazil, before any request:
    /// Amazon would refuse it, and the first call it refused would be one the user never made (the attribute check
    /// of New-SpInvoiceExport and Get-SpInvoice).
    /// </summary>
    internal static void CheckMarketplace(string marketplaceId)
    {
        var marketplace = Marketplace.Get(marketplaceId, "MarketplaceId");
        if (marketplace.Id != BrazilMarketplaceId)
        {
            throw new UnsupportedMarketplaceException(marketplace);
        }
    }

    private static void CheckPeriod(DateTimeOffset? dateStart, DateTimeOffset? dateEnd)
    {
        if (dateStart is not null && dateEnd is not null && dateEnd <= dateStart)
        {
            throw new ArgumentException($"DateEnd ({dateEnd:u}) must be later than DateStart ({dateStart:u}).", "DateEnd");
        }
    }

    private static void CheckTransactionIdentifier(string? name, string? id)
    {
        if (string.IsNullOrEmpty(name) != string.IsNullOrEmpty(id))
        {
            throw new ArgumentException("TransactionIdentifierName and TransactionIdentifierId go together: give both or neither.", string.IsNullOrEmpty(name) ? "TransactionIdentifierName" : "TransactionIdentifierId");
        }
    }

    private static void CheckStatuses(IReadOnlyCollection<string>? statuses)
    {
        if (statuses is { Count: 0 } || statuses?.Any(string.IsNullOrWhiteSpace) == true)
        {
            throw new ArgumentException("Status needs at least one non-empty value when given.", "Status");
        }
    }

    private static string Required(string? value, string parameterName) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{parameterName} must not be empty.", parameterName) : value!;
}
