using SpApi.Core.Apis.TaxInvoices;

using static SpApi.Tests.TaxInvoices.GovernmentSandbox;

namespace SpApi.Tests.TaxInvoices;

/// <summary>Types from getInvoicesAttributes and the file formats: any case in, the API's spelling out, the rest refused by name.</summary>
public sealed class GovernmentInvoiceRulesTests
{
    private static readonly InvoicesAttributes Attributes = new()
    {
        InvoiceTypeOptions = new() { new AttributeOption { Value = "REMITTANCE" }, new AttributeOption { Value = "SHIPPING" } },
        TransactionTypeOptions = new() { new AttributeOption { Value = "INBOUND_SHIPMENT" } },
    };

    [Fact]
    public void TypesInAnyCaseAreSentAsTheApiSpellsThem()
    {
        var shipment = Shipment();
        shipment.TransactionType = "inbound_shipment";
        shipment.InvoiceType = "Remittance";

        GovernmentInvoiceRules.Check(shipment, Attributes);

        Assert.Equal("INBOUND_SHIPMENT", shipment.TransactionType);
        Assert.Equal("REMITTANCE", shipment.InvoiceType);
    }

    [Theory]
    [InlineData("TransactionType", "OUTBOUND")]
    [InlineData("InvoiceType", "BOGUS")]
    public void AnUnknownTypeIsRefusedWithTheChoices(string parameter, string value)
    {
        var shipment = Shipment();
        if (parameter == "TransactionType")
        {
            shipment.TransactionType = value;
        }
        else
        {
            shipment.InvoiceType = value;
        }

        var error = Assert.Throws<ArgumentException>(() => GovernmentInvoiceRules.Check(shipment, Attributes));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains($"'{value}' is not a {parameter}", error.Message);
        Assert.Contains("Get-SpInvoiceAttribute", error.Message);
    }

    [Fact]
    public void AMarketplaceThatListsNoTypesRestrictsNothing()
    {
        var shipment = Shipment();
        shipment.InvoiceType = "ANYTHING";

        GovernmentInvoiceRules.Check(shipment, new InvoicesAttributes());

        Assert.Equal("ANYTHING", shipment.InvoiceType);
    }

    [Theory]
    [InlineData("xml", "XML")]
    [InlineData("Pdf", "PDF")]
    public void FileFormatsInAnyCase(string given, string sent) => Assert.Equal(sent, GovernmentInvoiceRules.FileFormat(given));

    [Fact]
    public void AnEmptyInboundPlanIsNone()
    {
        var shipment = Shipment();
        shipment.InboundPlanId = " ";

        shipment.Check();

        Assert.Null(shipment.InboundPlanId);
    }
}
