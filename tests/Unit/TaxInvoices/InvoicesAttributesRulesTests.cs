using SpApi.Core.Apis;
using SpApi.Core.Apis.TaxInvoices;

namespace SpApi.Tests.TaxInvoices;

/// <summary>The check of New-SpInvoiceExport and Get-SpInvoice against the marketplace's attribute options.</summary>
public sealed class InvoicesAttributesRulesTests
{
    private static readonly InvoicesAttributes Brazil = new()
    {
        InvoiceStatusOptions = Options("AUTHORIZED", "REJECTED"),
        InvoiceTypeOptions = Options("SHIPPING"),
        TransactionTypeOptions = Options("FBA_OUTBOUND"),
        TransactionIdentifierNameOptions = Options("SHIPMENT_ID"),
    };

    [Theory]
    [InlineData("Status", "BOGUS", null, null, null)]
    [InlineData("InvoiceType", null, "BOGUS", null, null)]
    [InlineData("TransactionType", null, null, "BOGUS", null)]
    [InlineData("TransactionIdentifierName", null, null, null, "BOGUS")]
    public void AValueTheMarketplaceDoesNotListIsRefusedWithTheChoices(string parameter, string? status, string? invoiceType, string? transactionType, string? identifierName)
    {
        var request = new ExportInvoicesRequest
        {
            MarketplaceId = TaxSandbox.Brazil,
            Statuses = status is null ? null : new List<string> { "AUTHORIZED", status },
            InvoiceType = invoiceType,
            TransactionType = transactionType,
            TransactionIdentifier = identifierName is null ? null : new TransactionIdentifier { Name = identifierName, Id = "1" },
        };

        var error = Assert.Throws<ArgumentException>(() => InvoicesAttributesRules.Conform(request, Brazil));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains("'BOGUS' is not a", error.Message);
        Assert.Contains("Get-SpInvoiceAttribute", error.Message);
    }

    [Theory]
    [InlineData("Status", "BOGUS", null, null, null)]
    [InlineData("InvoiceType", null, "BOGUS", null, null)]
    [InlineData("TransactionType", null, null, "BOGUS", null)]
    [InlineData("TransactionIdentifierName", null, null, null, "BOGUS")]
    public void AnInvoicesQueryIsCheckedTheSameWay(string parameter, string? status, string? invoiceType, string? transactionType, string? identifierName)
    {
        var query = new InvoicesQuery
        {
            MarketplaceId = TaxSandbox.Brazil,
            Statuses = status is null ? null : new List<string> { "AUTHORIZED", status },
            InvoiceType = invoiceType,
            TransactionType = transactionType,
            TransactionIdentifierName = identifierName,
            TransactionIdentifierId = identifierName is null ? null : "1",
        };

        var error = Assert.Throws<ArgumentException>(() => InvoicesAttributesRules.Conform(query, Brazil));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains("'BOGUS' is not a", error.Message);
    }

    [Fact]
    public void ListedValuesAndAbsentFiltersPass()
    {
        InvoicesAttributesRules.Conform(
            new ExportInvoicesRequest
            {
                MarketplaceId = TaxSandbox.Brazil,
                Statuses = new List<string> { "AUTHORIZED", "REJECTED" },
                InvoiceType = "SHIPPING",
                TransactionType = "FBA_OUTBOUND",
                TransactionIdentifier = new TransactionIdentifier { Name = "SHIPMENT_ID", Id = "1" },
            },
            Brazil);
        InvoicesAttributesRules.Conform(new ExportInvoicesRequest { MarketplaceId = TaxSandbox.Brazil }, Brazil);
    }

    [Fact]
    public void AnOptionListTheMarketplaceLeftEmptyRestrictsNothing() =>
        InvoicesAttributesRules.Conform(new ExportInvoicesRequest { MarketplaceId = TaxSandbox.Brazil, InvoiceType = "ANY" }, new InvoicesAttributes());

    private static ReadableList<AttributeOption> Options(params string[] values) => new(values.Select(v => new AttributeOption { Value = v }));
}
