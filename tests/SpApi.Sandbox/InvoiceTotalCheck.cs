using System.Globalization;
using System.Text.Json;

namespace SpApi.Sandbox;

/// <summary>
/// The business check of a submitted invoice that has items: invoiceTotal must equal
/// Σ netCost × invoicedQuantity + charges − allowances + taxes, rounded to cents. Charges, allowances and
/// taxes are the invoice's own lists where it has them, otherwise the sums of its items' lists; the taxes
/// inside the charges are added and those inside the allowances subtracted in either case.
/// Computed in decimal, as money must never pass through binary floating point.
/// </summary>
internal static class InvoiceTotalCheck
{
    private const string Code = "INVALID_INVOICE_TOTAL";
    private const string Formula = "invoiceTotal = Σ items netCost × invoicedQuantity + charges − allowances + taxes, each taken from the invoice when it lists any, otherwise from its items, plus the taxes inside those charges, less those inside those allowances.";

    /// <summary>The error of an invoice (already valid against its model) whose total does not add up; null when it does.</summary>
    public static SandboxError? Check(JsonElement invoice, InvoiceSubmissionModel model)
    {
        if (!invoice.TryGetProperty("items", out var items) || items.GetArrayLength() == 0)
        {
            return null;
        }

        var id = invoice.GetProperty(model.IdProperty).GetString();
        var declared = invoice.GetProperty("invoiceTotal").TryGetProperty("amount", out var amount) ? amount.GetString() : null;
        decimal computed;
        try
        {
            var charges = Entries(invoice, items, "chargeDetails", "chargeDetails");
            var allowances = model.AllowancesProperty is { } property ? Entries(invoice, items, property, property) : new List<JsonElement>();
            var invoiceTaxes = List(invoice, model.InvoiceTaxesProperty).ToList();

            // Taxes inside charges and allowances are not line-item taxes, so they count whichever list the line taxes come from.
            var taxes = (invoiceTaxes.Count > 0
                    ? Total(invoiceTaxes, "taxAmount")
                    : Total(items.EnumerateArray().SelectMany(i => List(i, "taxDetails")), "taxAmount"))
                + Total(charges.SelectMany(c => List(c, "taxDetails")), "taxAmount")
                - Total(allowances.SelectMany(a => List(a, "taxDetails")), "taxAmount");
            computed = Math.Round(
                items.EnumerateArray().Sum(i => Amount(i, "netCost") * i.GetProperty("invoicedQuantity").GetProperty("amount").GetDecimal())
                    + Total(charges, "chargeAmount") - Total(allowances, "allowanceAmount") + taxes,
                2,
                MidpointRounding.AwayFromZero);
            if (declared is not null && Parse(declared) == computed)
            {
                return null;
            }
        }
        catch (OverflowException)
        {
            return new SandboxError(Code, $"Invoice {id}: the amounts are too large to add up.", Formula);
        }

        return new SandboxError(Code, $"Invoice {id}: invoiceTotal {declared ?? "(none)"} does not equal the computed {computed.ToString("0.00", CultureInfo.InvariantCulture)}.", Formula);
    }

    private static List<JsonElement> Entries(JsonElement invoice, JsonElement items, string invoiceList, string itemList)
    {
        var entries = List(invoice, invoiceList).ToList();
        return entries.Count > 0 ? entries : items.EnumerateArray().SelectMany(i => List(i, itemList)).ToList();
    }

    private static decimal Total(IEnumerable<JsonElement> entries, string moneyProperty) => entries.Sum(e => Amount(e, moneyProperty));

    private static IEnumerable<JsonElement> List(JsonElement element, string name) =>
        element.TryGetProperty(name, out var list) ? list.EnumerateArray() : Enumerable.Empty<JsonElement>();

    // The Retail model's Money requires nothing, so a missing amount adds nothing.
    private static decimal Amount(JsonElement element, string moneyProperty) =>
        element.TryGetProperty(moneyProperty, out var money) && money.TryGetProperty("amount", out var amount) ? Parse(amount.GetString()!) : 0m;

    private static decimal Parse(string value) => decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
}
