using SpApi.Core.Apis.VendorDirectFulfillmentPayments;
using SpApi.Core.Apis.VendorInvoices;
using SpApi.Core.Invoicing;
using Xunit;

namespace SpApi.Tests.VendorInvoices;

/// <summary>New-SpVendorInvoice's parameter set: the same fields make either model, with the currency and line numbers filled in.</summary>
public sealed class InvoiceFieldsTests
{
    [Fact]
    public void TheFieldsMakeAValidVendorInvoice()
    {
        var result = Fields().Read(InvoiceApi.Vendor);

        Assert.True(result.IsValid, result.ToString());
        var invoice = Assert.IsType<Invoice>(result.Invoice);
        Assert.Equal(("INV-9", "Invoice", "VENDR", "AMZN1"), (invoice.Id, invoice.InvoiceType, invoice.RemitToParty!.PartyId, invoice.BillToParty!.PartyId));
        Assert.Equal(new int?[] { 1, 2 }, invoice.Items!.Select(i => i.ItemSequenceNumber));
        Assert.All(invoice.Items!, i => Assert.Equal("EUR", i.NetCost!.CurrencyCode));
    }

    [Fact]
    public void TheSameFieldsMakeADirectFulfillmentInvoice()
    {
        var fields = Fields();
        fields.ShipFromParty = "ABCD";

        var result = fields.Read(InvoiceApi.DirectFulfillment);

        Assert.True(result.IsValid, result.ToString());
        var invoice = Assert.IsType<InvoiceDetail>(result.Invoice);
        Assert.Equal(("INV-9", "ABCD"), (invoice.InvoiceNumber, invoice.ShipFromParty!.PartyId));
        Assert.Equal(new[] { "1", "2" }, invoice.Items!.Select(i => i.ItemSequenceNumber));
    }

    [Fact]
    public void AnInvoiceTypeForDirectFulfillmentIsReportedNotDropped()
    {
        var fields = Fields();
        fields.InvoiceType = "CreditNote";

        var result = fields.Read(InvoiceApi.DirectFulfillment);

        Assert.Contains(result.Problems, p => p.Path == "invoiceType" && p.Message.Contains("no invoice types or credit notes"));
    }

    private static InvoiceFields Fields() => new()
    {
        Id = "INV-9",
        Date = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero),
        RemitToParty = "VENDR",
        BillToParty = "AMZN1",
        InvoiceTotal = 5.00m,
        CurrencyCode = "EUR",
        Items = new List<object?> { Line("2.00"), Line("3.00") },
    };

    private static Dictionary<string, object?> Line(string netCost) => new()
    {
        ["purchaseOrderNumber"] = "1A2B3C4D",
        ["invoicedQuantity"] = new Dictionary<string, object?> { ["amount"] = 1, ["unitOfMeasure"] = "Eaches" },
        ["netCost"] = netCost,
    };
}
