using SpApi.Core.Endpoints;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>A marketplace the Tax Invoices API does not serve: it serves Brazil only. Nothing was sent.</summary>
public sealed class UnsupportedMarketplaceException : ArgumentException
{
    /// <summary>Creates the exception for a known SP-API marketplace other than Brazil.</summary>
    public UnsupportedMarketplaceException(Marketplace marketplace)
        : base(
            $"The Tax Invoices API serves the Brazil marketplace ({TaxInvoicesApi.BrazilMarketplaceId}) only, and -MarketplaceId {marketplace.Id} is {marketplace.Country}. "
                + $"Use -MarketplaceId {TaxInvoicesApi.BrazilMarketplaceId} with a connection to the NA region; nothing was sent.",
            "MarketplaceId")
    {
        MarketplaceId = marketplace.Id;
    }

    /// <summary>The marketplace that was given.</summary>
    public string MarketplaceId { get; }
}
