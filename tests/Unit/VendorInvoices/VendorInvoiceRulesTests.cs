using SpApi.Core.Invoicing;
using Xunit;

namespace SpApi.Tests.VendorInvoices;

/// <summary>
/// Every rule of Test-SpVendorInvoice, each with a failing example: the sample invoice with one field broken
/// must fail with a problem at that field's path whose message states the rule. docs/vendor-invoices.md
/// lists the same rules.
/// </summary>
public sealed class VendorInvoiceRulesTests
{
    private const string Item = "items[0]";

    public static TheoryData<string, string?, string, string> VendorCases => new()
    {
        { "invoiceType", null, "invoiceType", "is required; one of Invoice, CreditNote" },
        { "invoiceType", "\"invoice\"", "invoiceType", "Did you mean 'Invoice'? Case matters" },
        { "id", null, "id", "is required: the invoice or credit note number" },
        { "id", "\"  \"", "id", "is required" },
        { "date", null, "date", "is required" },
        { "date", "\"13/11/2026\"", "date", "is not an ISO 8601 date-time" },
        { "date", "\"2026-11-20T10:00:00\"", "date", "with a zone" },
        { "remitToParty", null, "remitToParty", "is required" },
        { "remitToParty.partyId", "\"\"", "remitToParty.partyId", "is required" },
        { "remitToParty.taxRegistrationDetails", """{ "taxRegistrationType": "VAT", "taxRegistrationNumber": "DE1" }""", "remitToParty.taxRegistrationDetails", "must be an array (a list), even with one entry, not an object" },
        { "remitToParty.taxRegistrationDetails[0].taxRegistrationType", "\"IVA\"", "remitToParty.taxRegistrationDetails[0].taxRegistrationType", "not one of the model's values: VAT, GST" },
        { "remitToParty.taxRegistrationDetails[0].taxRegistrationNumber", null, "remitToParty.taxRegistrationDetails[0].taxRegistrationNumber", "is required" },
        { "remitToParty.address.countryCode", "\"USA\"", "remitToParty.address.countryCode", "two-letter ISO 3166-1 alpha-2" },
        { "remitToParty.address.name", null, "remitToParty.address.name", "is required" },
        { "remitToParty.address.postalCode", "\"10115\"", "remitToParty.address.postalCode", "Vendor invoices call it postalOrZipCode" },
        { "invoiceNumber", "\"INV-1\"", "invoiceNumber", "Vendor invoices call it id" },
        { "invoiceTotal", null, "invoiceTotal", "is required" },
        { "invoiceTotal.amount", "\"41,89\"", "invoiceTotal.amount", "is not a Decimal in the model's format" },
        { "invoiceTotal.amount", "\"1.234,00\"", "invoiceTotal.amount", "no thousands separator" },
        { "invoiceTotal.amount", "\"041.89\"", "invoiceTotal.amount", "is not a Decimal" },
        { "invoiceTotal.amount", "null", "invoiceTotal.amount", "needs both amount and currencyCode" },
        { "invoiceTotal.currencyCode", "\"eur\"", "invoiceTotal.currencyCode", "three-letter ISO 4217" },
        { "invoiceTotal.amount", "\"40.00\"", "invoiceTotal.amount", "does not equal the computed total 41.89" },
        { $"{Item}.netCost.currencyCode", "\"USD\"", $"{Item}.netCost.currencyCode", "differs from the invoice's currency 'EUR'" },
        { $"{Item}.netCost.amount", "\"-3.10\"", $"{Item}.netCost.amount", "must be greater than zero" },
        { $"{Item}.netCost", null, $"{Item}.netCost", "is required" },
        { $"{Item}.purchaseOrderNumber", null, $"{Item}.purchaseOrderNumber", "is required on an Invoice" },
        { $"{Item}.purchaseOrderNumber", "\"3KL4T0W\"", $"{Item}.purchaseOrderNumber", "8 letters or digits" },
        { $"{Item}.itemSequenceNumber", null, $"{Item}.itemSequenceNumber", "is required" },
        { $"{Item}.itemSequenceNumber", "\"one\"", $"{Item}.itemSequenceNumber", "must be a whole number" },
        { $"{Item}.itemSequenceNumber", "0", $"{Item}.itemSequenceNumber", "positive line number" },
        { $"{Item}.invoicedQuantity.amount", "0", $"{Item}.invoicedQuantity.amount", "must be greater than zero" },
        { $"{Item}.invoicedQuantity.amount", "\"ten\"", $"{Item}.invoicedQuantity.amount", "must be a whole number" },
        { $"{Item}.invoicedQuantity.unitOfMeasure", "\"Boxes\"", $"{Item}.invoicedQuantity.unitOfMeasure", "Cases, Eaches" },
        { $"{Item}.invoicedQuantity.unitOfMeasure", "\"Cases\"", $"{Item}.invoicedQuantity.unitSize", "is required when unitOfMeasure is Cases" },
        { $"{Item}.netCostUnitOfMeasure", "\"POUNDS\"", $"{Item}.invoicedQuantity.totalWeight", "priced by weight" },
        { $"{Item}.netCostUnitOfMeasure", "\"LB\"", $"{Item}.netCostUnitOfMeasure", "POUNDS, OUNCES, GRAMS, KILOGRAMS" },
        { $"{Item}.hsnCode", "\"84A1\"", $"{Item}.hsnCode", "cannot" },
        { $"{Item}.taxDetails[0].taxType", "\"Sales\"", $"{Item}.taxDetails[0].taxType", "MwSt." },
        { $"{Item}.taxDetails[0].taxAmount", null, $"{Item}.taxDetails[0].taxAmount", "is required" },
        { $"{Item}.taxDetails[0].taxRate", "\"19%\"", $"{Item}.taxDetails[0].taxRate", "is not a Decimal" },
        { $"{Item}.chargeDetails[0].type", "\"Shipping\"", $"{Item}.chargeDetails[0].type", "Freight, Packing" },
        { $"{Item}.chargeDetails[0].chargeAmount", null, $"{Item}.chargeDetails[0].chargeAmount", "is required" },
        { "allowanceDetails", """[ { "type": "Discount" } ]""", "allowanceDetails[0].allowanceAmount", "is required" },
        { "allowanceDetails", """[ { "type": "Rebate", "allowanceAmount": { "currencyCode": "EUR", "amount": "1.00" } } ]""", "allowanceDetails[0].type", "Discount, DiscountIncentive" },
        { "additionalDetails", """[ { "type": "Note", "detail": "x" } ]""", "additionalDetails[0].type", "SUR, OCR, CartonCount" },
        { "additionalDetails", """[ { "type": "SUR" } ]""", "additionalDetails[0].detail", "is required" },
        { "paymentTerms.type", "\"Net30\"", "paymentTerms.type", "PaymentDueUponReceiptOfInvoice" },
        { "paymentTerms.discountPercent", "\"150\"", "paymentTerms.discountPercent", "from 0 to 100" },
        { "paymentTerms.netDueDays", "-1", "paymentTerms.netDueDays", "whole number of calendar days" },
        { "invoiceType", "\"CreditNote\"", $"{Item}.creditNoteDetails", "is required on a CreditNote line" },
        { $"{Item}.creditNoteDetails", """{ "returnsReferenceNumber": "R1" }""", $"{Item}.creditNoteDetails.goodsReturnDate", "mandatory for returns credit notes" },
        { "items", """{ "itemSequenceNumber": 1 }""", "items", "must be an array" },
        { "items[1]", """{ "itemSequenceNumber": 1, "purchaseOrderNumber": "3KL4T0WD", "invoicedQuantity": { "amount": 1, "unitOfMeasure": "Eaches" }, "netCost": { "currencyCode": "EUR", "amount": "1.00" } }""", "items[1].itemSequenceNumber", "used by an earlier line" },
        { "shipFromParty", "\"ABCD\"", "shipFromParty", "must be an object" },
        { "billToParty.address", """{ "name": "Amazon", "addressLine1": "1 Way" }""", "billToParty.address.countryCode", "is required" },
    };

    public static TheoryData<string, string?, string, string> DirectFulfillmentCases => new()
    {
        { "invoiceNumber", null, "invoiceNumber", "is required" },
        { "invoiceDate", "\"2020-08.13\"", "invoiceDate", "ISO 8601" },
        { "shipFromParty", null, "shipFromParty", "the vendor's warehouse code" },
        { "items", null, "items", "needs at least one entry" },
        { "items", "[]", "items", "needs at least one entry" },
        { $"{Item}.itemSequenceNumber", "\"A1\"", $"{Item}.itemSequenceNumber", "numbers the lines 1, 2" },
        { $"{Item}.purchaseOrderNumber", null, $"{Item}.purchaseOrderNumber", "is required" },
        { $"{Item}.invoicedQuantity.unitOfMeasure", null, $"{Item}.invoicedQuantity.unitOfMeasure", "is required" },
        { "remitToParty.address.city", null, "remitToParty.address.city", "is required" },
        { "remitToParty.address.postalCode", null, "remitToParty.address.postalCode", "is required" },
        { "remitToParty.address.postalOrZipCode", "\"10115\"", "remitToParty.address.postalOrZipCode", "call it postalCode" },
        { "remitToParty.taxRegistrationDetails[0].taxRegistrationType", "\"IVA\"", "remitToParty.taxRegistrationDetails[0].taxRegistrationType", "VAT, GST" },
        { "remitToParty.taxRegistrationDetails", """{ "taxRegistrationNumber": "DE1" }""", "remitToParty.taxRegistrationDetails", "must be an array" },
        { "shipToCountryCode", "\"DEU\"", "shipToCountryCode", "two-letter" },
        { "invoiceTotal.currencyCode", null, "invoiceTotal.currencyCode", "needs both amount and currencyCode" },
        { "invoiceTotal.amount", "\"100.00\"", "invoiceTotal.amount", "does not equal the computed total 118.88" },
        { "taxTotals[0].taxType", "\"vat\"", "taxTotals[0].taxType", "Did you mean 'VAT'?" },
        { "taxDetails", "[]", "taxDetails", "call the invoice's taxes taxTotals" },
        { "chargeDetails", """[ { "type": "Freight", "chargeAmount": { "currencyCode": "EUR", "amount": "1.00" } } ]""", "chargeDetails[0].type", "GIFTWRAP, FULFILLMENT" },
        { "allowanceDetails", "[]", "allowanceDetails", "have no allowances" },
        { "invoiceType", "\"Invoice\"", "invoiceType", "no invoice types or credit notes" },
        { "additionalDetails", """[ { "type": "CartonCount", "detail": "3" } ]""", "additionalDetails[0].type", "SUR, OCR" },
        { $"{Item}.netCost.amount", "\"0\"", $"{Item}.netCost.amount", "greater than zero" },
        { $"{Item}.hsnCode", "\"HS1\"", $"{Item}.hsnCode", "cannot" },
    };

    [Theory]
    [InlineData(InvoiceApi.Vendor)]
    [InlineData(InvoiceApi.DirectFulfillment)]
    public void TheSampleInvoiceIsValid(InvoiceApi api)
    {
        var result = InvoiceSamples.Test(api);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(api, result.Api);
    }

    [Theory]
    [MemberData(nameof(VendorCases))]
    public void EachVendorRuleCatchesItsMistake(string field, string? json, string expectedPath, string rule) =>
        AssertProblem(InvoiceSamples.Test(InvoiceApi.Vendor, (field, json)), expectedPath, rule);

    [Theory]
    [MemberData(nameof(DirectFulfillmentCases))]
    public void EachDirectFulfillmentRuleCatchesItsMistake(string field, string? json, string expectedPath, string rule) =>
        AssertProblem(InvoiceSamples.Test(InvoiceApi.DirectFulfillment, (field, json)), expectedPath, rule);

    [Fact]
    public void EveryProblemIsReportedNotJustTheFirst()
    {
        var result = InvoiceSamples.Test(InvoiceApi.Vendor,
            ("invoiceType", "\"invoice\""), ("remitToParty.address.countryCode", "\"USA\""), ("items[0].netCost.amount", "\"3,10\""), ("items[0].purchaseOrderNumber", null));

        Assert.False(result.IsValid, result.Describe());
        Assert.True(result.Problems.Count >= 4, result.Describe());
        Assert.Equal(
            new[] { "invoiceType", "items[0].netCost.amount", "items[0].purchaseOrderNumber", "remitToParty.address.countryCode" },
            result.Problems.Select(p => p.Path).Distinct().OrderBy(p => p, StringComparer.Ordinal));
        Assert.Contains("4 problem(s)", result.Describe());
    }

    [Fact]
    public void AmazonsOwnRequestExampleAddsUpAndOnlyItsCountryCodesAreWrong()
    {
        // The model's request example wraps the body in "payload" and writes countryCode "USA" (README section 9).
        using var model = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Support.Repository.ModelsFolder, "vendorInvoices.json")));
        var example = model.RootElement.GetProperty("paths").GetProperty("/vendor/payments/v1/invoices").GetProperty("post")
            .GetProperty("parameters")[0].GetProperty("schema").GetProperty("example").GetProperty("payload").GetProperty("invoices")[0];

        var result = InvoiceInput.Test(PlainTree.FromJson(example), InvoiceApi.Vendor);

        Assert.NotEmpty(result.Problems);
        Assert.True(result.Problems.All(p => p.Path.EndsWith("address.countryCode", StringComparison.Ordinal)), result.Describe());
    }

    private static void AssertProblem(VendorInvoiceTestResult result, string expectedPath, string rule)
    {
        Assert.False(result.IsValid);
        Assert.True(
            result.Problems.Any(p => p.Path == expectedPath && p.Message.Contains(rule, StringComparison.Ordinal)),
            $"expected a problem at {expectedPath} saying '{rule}', got:\n{string.Join("\n", result.Problems)}");
    }
}
