using SpApi.Core.Endpoints;
using SpApi.Core.Http;
using SpApi.Core.Operations;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>Typed calls of the Tax Invoices API 2024-06-19 (Brazil, NA endpoint).</summary>
public sealed class TaxInvoicesApi
{
    private readonly SpApiClient client;

    /// <summary>Creates the API over a client.</summary>
    public TaxInvoicesApi(SpApiClient client) => this.client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>Streams every page of getInvoicesExports.</summary>
    public IAsyncEnumerable<GetInvoicesExportsResponse> GetInvoicesExportPagesAsync(
        string marketplaceId,
        DateTimeOffset? dateStart,
        DateTimeOffset? dateEnd,
        string? status,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        Marketplace.Get(marketplaceId, nameof(marketplaceId));
        if (dateStart is not null && dateEnd is not null && dateEnd <= dateStart)
        {
            throw new ArgumentException("dateEnd must be later than dateStart.", nameof(dateEnd));
        }

        if (pageSize is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "pageSize must be between 1 and 100.");
        }

        var request = new SpApiRequest(SpApiOperations.GetInvoicesExports)
            .WithQuery("marketplaceId", marketplaceId)
            .WithQuery("dateStart", dateStart)
            .WithQuery("dateEnd", dateEnd)
            .WithQuery("status", status)
            .WithQuery("pageSize", pageSize);
        return client.PageAsync<GetInvoicesExportsResponse>(request, cancellationToken);
    }
}
