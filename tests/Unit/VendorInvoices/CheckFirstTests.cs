using SpApi.Core.Invoicing;

namespace SpApi.Tests.VendorInvoices;

/// <summary>
/// What the README's check-first pipeline relies on: rows without the InvoiceNumber column are reported once
/// and alone, and an invoice New-SpVendorInvoice cannot build travels on as its test result, which
/// Test-SpVendorInvoice reports with its problems and the batcher never lets through.
/// </summary>
public sealed class CheckFirstTests
{
    private const string Header = "InvoiceNumber,InvoiceDate,CurrencyCode,InvoiceTotal,RemitToPartyId,PurchaseOrderNumber,Quantity,NetCost";

    [Fact]
    public void RowsWithoutInvoiceNumberGetOneErrorNamingTheColumnAndTheColumnsPresent()
    {
        var rows = CsvRows.Parse("Invoice,InvoiceDate,NetCost,Quantity", "A1,2026-11-20,2.00,1", "A1,2026-11-20,3.00,1", "B1,2026-11-20,4.00,1");
        var stream = new InvoiceStream(InvoiceApi.Vendor, applyRules: true);

        var error = Assert.Throws<MissingCsvColumnException>(() => stream.Add(rows[0]));
        var rest = rows.Skip(1).SelectMany(stream.Add).ToList();
        rest.AddRange(stream.Complete());

        Assert.Equal("InvoiceNumber", error.Column);
        Assert.Equal(new[] { "Invoice", "InvoiceDate", "NetCost", "Quantity" }, error.PresentColumns);
        Assert.Contains("no InvoiceNumber column", error.Message);
        Assert.Contains("The columns present are: Invoice, InvoiceDate, NetCost, Quantity.", error.Message);
        Assert.Equal("InputObject", error.ParamName);
        Assert.Empty(rest);
    }

    [Fact]
    public void RowsWithOtherColumnsAfterThemAreReportedAgain()
    {
        var stream = new InvoiceStream(InvoiceApi.Vendor, applyRules: true);
        Assert.Throws<MissingCsvColumnException>(() => stream.Add(CsvRows.Parse("Number,NetCost", "A1,2.00")[0]));

        var second = Assert.Throws<MissingCsvColumnException>(() => stream.Add(CsvRows.Parse("Id,Quantity", "A1,1")[0]));

        Assert.Equal(new[] { "Id", "Quantity" }, second.PresentColumns);
    }

    [Fact]
    public void AFlatObjectInTheModelsShapeIsNotTakenForARow()
    {
        var flat = new Dictionary<string, object?> { ["id"] = "INV-1", ["invoiceType"] = "Invoice", ["date"] = "2026-11-20" };

        var result = Assert.Single(new InvoiceStream(InvoiceApi.Vendor, applyRules: true).Add(flat));

        Assert.False(InvoiceCsvGrouper.LacksKeyColumn(flat));
        Assert.Equal("INV-1", result.InvoiceId);
        Assert.Contains(result.Problems, p => p.Path == "remitToParty");
    }

    [Fact]
    public void AnInvoiceThatCouldNotBeBuiltKeepsItsProblemsThroughTestAndIsNeverBatched()
    {
        var rows = CsvRows.Parse(Header, "A1,2026-11-20,EUR,2.00,VENDR,1A2B3C4D,1,$2.00");
        var built = Build(rows);
        Assert.False(built.IsValid);

        var tested = Assert.Single(new InvoiceStream(InvoiceApi.Vendor, applyRules: true).Add(built));
        var direct = Assert.Single(Test(rows));

        Assert.False(tested.IsValid);
        Assert.Equal("A1", tested.InvoiceId);
        Assert.Single(tested.Problems, p => p.Path == "items[0].netCost.amount");
        Assert.Equal(direct.Problems.Select(p => p.ToString()), tested.Problems.Select(p => p.ToString()));
        Assert.Throws<InvalidVendorInvoiceException>(() => new InvoiceBatcher().Add(tested));
        Assert.Throws<InvalidVendorInvoiceException>(() => new InvoiceBatcher().Add(Assert.Single(new InvoiceStream(InvoiceApi.Vendor, applyRules: false).Add(built))));
    }

    [Fact]
    public void RowsThatDisagreeAreABuildProblemThatTestStillReports()
    {
        var rows = CsvRows.Parse(Header + ",InvoiceType", "A1,2026-11-20,EUR,4.00,VENDR,1A2B3C4D,1,2.00,Invoice", "A1,2026-11-20,EUR,4.00,VENDR,1A2B3C4D,1,2.00,CreditNote");

        var tested = Assert.Single(new InvoiceStream(InvoiceApi.Vendor, applyRules: true).Add(Build(rows)));

        Assert.False(tested.IsValid);
        Assert.Contains(tested.Problems, p => p.Path == "InvoiceType" && p.Message.Contains("'CreditNote'"));
    }

    [Fact]
    public void ATestResultThatIsValidStandsForItsInvoiceAndIsCheckedAgain()
    {
        var valid = InvoiceSamples.Test(InvoiceApi.Vendor);
        Assert.True(valid.IsValid, valid.ToString());

        var tested = Assert.Single(new InvoiceStream(InvoiceApi.Vendor, applyRules: true).Add(valid));

        Assert.True(tested.IsValid);
        Assert.Same(valid.Invoice, tested.Invoice);
        var batcher = new InvoiceBatcher();
        Assert.Empty(batcher.Add(tested));
        Assert.Equal(new[] { "INV-1" }, Assert.Single(batcher.Flush()).InvoiceIds);
    }

    // What New-SpVendorInvoice does with the rows: build without the rules.
    private static VendorInvoiceTestResult Build(List<Dictionary<string, object?>> rows)
    {
        var stream = new InvoiceStream(InvoiceApi.Vendor, applyRules: false);
        var results = rows.SelectMany(stream.Add).ToList();
        results.AddRange(stream.Complete());
        return Assert.Single(results);
    }

    private static List<VendorInvoiceTestResult> Test(List<Dictionary<string, object?>> rows)
    {
        var stream = new InvoiceStream(InvoiceApi.Vendor, applyRules: true);
        var results = rows.SelectMany(stream.Add).ToList();
        results.AddRange(stream.Complete());
        return results;
    }
}
