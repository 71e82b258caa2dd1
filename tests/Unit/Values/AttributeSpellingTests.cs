using SpApi.Core.Apis;
using SpApi.Core.Apis.TaxInvoices;

namespace SpApi.Tests.Values;

/// <summary>Tax Invoices filters in any case: matched against the marketplace's options and sent in the option's spelling.</summary>
public sealed class AttributeSpellingTests
{
    private static readonly InvoicesAttributes Brazil = new()
    {
        InvoiceStatusOptions = Options("AUTHORIZED", "REJECTED"),
        InvoiceTypeOptions = Options("SHIPPING"),
        TransactionTypeOptions = Options("FBA_OUTBOUND"),
        TransactionIdentifierNameOptions = Options("SHIPMENT_ID"),
    };

    [Fact]
    public void AnExportRequestIsSentInTheOptionsSpelling()
    {
        var request = new ExportInvoicesRequest
        {
            MarketplaceId = "A2Q3Y263D00KWC",
            Statuses = new List<string> { "rejected", "Authorized" },
            InvoiceType = "shipping",
            TransactionType = "fba_outbound",
            TransactionIdentifier = new TransactionIdentifier { Name = "shipment_id", Id = "1" },
        };

        InvoicesAttributesRules.Conform(request, Brazil);

        Assert.Equal(new[] { "REJECTED", "AUTHORIZED" }, request.Statuses);
        Assert.Equal(("SHIPPING", "FBA_OUTBOUND", "SHIPMENT_ID"), (request.InvoiceType, request.TransactionType, request.TransactionIdentifier.Name));
    }

    [Fact]
    public void AnInvoicesQueryIsSentInTheOptionsSpelling()
    {
        var query = new InvoicesQuery
        {
            MarketplaceId = "A2Q3Y263D00KWC",
            Statuses = new[] { "authorized" },
            InvoiceType = "Shipping",
            TransactionType = "FBA_Outbound",
            TransactionIdentifierName = "Shipment_Id",
        };

        InvoicesAttributesRules.Conform(query, Brazil);

        Assert.Equal(new[] { "AUTHORIZED" }, query.Statuses);
        Assert.Equal(("SHIPPING", "FBA_OUTBOUND", "SHIPMENT_ID"), (query.InvoiceType, query.TransactionType, query.TransactionIdentifierName));
    }

    [Fact]
    public void AnExactMatchWinsOverOneThatDiffersInCaseOnly()
    {
        var attributes = new InvoicesAttributes { InvoiceTypeOptions = Options("Shipping", "SHIPPING") };
        var query = new InvoicesQuery { MarketplaceId = "A2Q3Y263D00KWC", InvoiceType = "SHIPPING" };

        InvoicesAttributesRules.Conform(query, attributes);

        Assert.Equal("SHIPPING", query.InvoiceType);
    }

    [Fact]
    public void AValueInNoCaseOfAnOptionIsStillRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => InvoicesAttributesRules.Conform(new InvoicesQuery { MarketplaceId = "A2Q3Y263D00KWC", Statuses = new[] { "authorised" } }, Brazil));

        Assert.Equal("Status", error.ParamName);
        Assert.Contains("'authorised' is not a Status of this marketplace. Use one of: AUTHORIZED, REJECTED", error.Message);
    }

    private static ReadableList<AttributeOption> Options(params string[] values) => new(values.Select(v => new AttributeOption { Value = v }));
}
