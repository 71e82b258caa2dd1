using SpApi.Core.Apis.VendorDirectFulfillmentPayments;
using SpApi.Core.Apis.VendorInvoices;
using SpApi.Core.Invoicing;
using Xunit;

namespace SpApi.Tests.VendorInvoices;

/// <summary>CSV rows (one per line item) grouped into invoices: the documented columns, and every way a file can be wrong.</summary>
public sealed class InvoiceCsvTests
{
    private const string Header = "InvoiceNumber,InvoiceDate,CurrencyCode,InvoiceTotal,RemitToPartyId,PurchaseOrderNumber,Quantity,NetCost";

    [Fact]
    public void TheExampleFileBecomesThreeValidInvoices()
    {
        var results = Stream(InvoiceApi.Vendor, CsvRows.Read(CsvRows.ExampleFile));

        Assert.All(results, r => Assert.True(r.IsValid, r.ToString()));
        var invoices = results.Select(r => (Invoice)r.Invoice!).ToList();
        Assert.Equal(new[] { "INV-1001", "INV-1002", "INV-1003" }, invoices.Select(i => i.Id));
        Assert.Equal(new[] { 2, 1, 1 }, invoices.Select(i => i.Items!.Count));

        var first = invoices[0];
        Assert.Equal(76.76m, first.InvoiceTotal!.Amount);
        Assert.Equal("EUR", first.Items![1].NetCost!.CurrencyCode);
        Assert.Equal("40.00", first.Items[1].NetCost!.Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("DE123456789", first.RemitToParty!.TaxRegistrationDetails!.Single().TaxRegistrationNumber);
        Assert.Equal("10115", first.RemitToParty.Address!.PostalOrZipCode);
        Assert.Equal("B08N5WRWNW", first.Items[1].AmazonProductIdentifier);
        Assert.Equal("Freight", invoices[1].Items![0].ChargeDetails!.Single().Type);
        Assert.Equal("Discount", invoices[2].Items![0].AllowanceDetails!.Single().Type);
    }

    [Fact]
    public void DirectFulfillmentRowsUseThatModelsNames()
    {
        var rows = CsvRows.Parse(
            Header + ",ShipFromPartyId,RemitToName,RemitToAddressLine1,RemitToCity,RemitToStateOrRegion,RemitToPostalCode,RemitToCountryCode,Asin",
            "DF-9,2026-11-20,EUR,99.90,VENDR,1A2B3C4D,2,49.95,ABCD,Example,Street 1,Berlin,BE,10115,DE,B07XJ8C8F5");

        var result = Assert.Single(Stream(InvoiceApi.DirectFulfillment, rows));

        Assert.True(result.IsValid, result.ToString());
        var invoice = Assert.IsType<InvoiceDetail>(result.Invoice);
        Assert.Equal("DF-9", invoice.InvoiceNumber);
        Assert.Equal("10115", invoice.RemitToParty!.Address!.PostalCode);
        Assert.Equal("1", invoice.Items![0].ItemSequenceNumber);
        Assert.Equal("B07XJ8C8F5", invoice.Items[0].BuyerProductIdentifier);
    }

    [Fact]
    public void LinesWithoutANumberAreNumberedInRowOrderAndEachesIsTheDefaultUnit()
    {
        var rows = CsvRows.Parse(Header, "A1,2026-11-20,USD,5.00,V,1A2B3C4D,1,2.00", "A1,2026-11-20,USD,5.00,V,1A2B3C4D,1,3.00");

        var invoice = (Invoice)Assert.Single(Stream(InvoiceApi.Vendor, rows)).Invoice!;

        Assert.Equal(new int?[] { 1, 2 }, invoice.Items!.Select(i => i.ItemSequenceNumber));
        Assert.All(invoice.Items!, i => Assert.Equal("Eaches", i.InvoicedQuantity!.UnitOfMeasure));
    }

    [Fact]
    public void RowsOfAnInvoiceThatAreNotAdjacentAreRefusedWithTheRowNumber()
    {
        var rows = CsvRows.Parse(Header, "A1,2026-11-20,USD,2.00,V,1A2B3C4D,1,2.00", "B1,2026-11-20,USD,2.00,V,1A2B3C4D,1,2.00", "A1,2026-11-20,USD,2.00,V,1A2B3C4D,1,2.00");

        var error = Assert.Throws<ArgumentException>(() => Stream(InvoiceApi.Vendor, rows));

        Assert.Contains("row 3 belongs to invoice A1", error.Message);
        Assert.Contains("Sort-Object InvoiceNumber", error.Message);
    }

    [Fact]
    public void InvoiceColumnsThatDisagreeBetweenRowsAreAProblem()
    {
        var rows = CsvRows.Parse(Header, "A1,2026-11-20,USD,4.00,V,1A2B3C4D,1,2.00", "A1,2026-11-20,USD,5.00,V,1A2B3C4D,1,2.00");

        var result = Assert.Single(Stream(InvoiceApi.Vendor, rows));

        Assert.Contains(result.Problems, p => p.Path == "InvoiceTotal" && p.Message.Contains("row 2 says '5.00' but row 1 of the same invoice says '4.00'"));
    }

    [Fact]
    public void AnUnknownColumnIsAProblemSoNothingIsDroppedSilently()
    {
        var rows = CsvRows.Parse(Header + ",Discount", "A1,2026-11-20,USD,2.00,V,1A2B3C4D,1,2.00,0.50");

        var result = Assert.Single(Stream(InvoiceApi.Vendor, rows));

        Assert.Contains(result.Problems, p => p.Path == "Discount" && p.Message.Contains("not a column"));
    }

    [Fact]
    public void AColumnTheModelLacksIsAProblemWhenFilled()
    {
        var rows = CsvRows.Parse(Header + ",AllowanceType,AllowanceAmount", "A1,2026-11-20,USD,2.00,V,1A2B3C4D,1,2.00,Discount,1.00");

        var result = Assert.Single(Stream(InvoiceApi.DirectFulfillment, rows));

        Assert.Contains(result.Problems, p => p.Path == "AllowanceType" && p.Message.Contains("Direct Fulfillment model has no field"));
    }

    [Fact]
    public void ARowWithoutAnInvoiceNumberIsRefused()
    {
        var rows = CsvRows.Parse(Header, "A1,2026-11-20,USD,2.00,V,1A2B3C4D,1,2.00", ",2026-11-20,USD,2.00,V,1A2B3C4D,1,2.00");

        var error = Assert.Throws<ArgumentException>(() => Stream(InvoiceApi.Vendor, rows));

        Assert.Contains("row 2 has no InvoiceNumber", error.Message);
    }

    [Fact]
    public void EveryColumnIsDocumented()
    {
        var documentation = File.ReadAllText(Path.Combine(Support.Repository.Root, "docs", "vendor-invoices.md"));

        Assert.All(InvoiceCsvColumns.All.Where(c => !new[] { "RemitTo", "ShipFrom", "ShipTo", "BillTo" }.Any(p => c.Name.StartsWith(p, StringComparison.Ordinal)) || c.Name == "ShipToCountryCode"),
            c => Assert.Contains($"`{c.Name}`", documentation));
        Assert.Contains("`RemitTo`, `ShipFrom`, `ShipTo`, `BillTo`", documentation);
    }

    private static List<VendorInvoiceTestResult> Stream(InvoiceApi api, IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new InvoiceStream(api, applyRules: true);
        var results = rows.SelectMany(row => stream.Add(row)).ToList();
        results.AddRange(stream.Complete());
        return results;
    }
}
