using System.Globalization;
using System.Text.Json;

namespace SpApi.Sandbox;

/// <summary>
/// Feeds Finances Invoices from what was submitted: each vendor invoice of a transaction that will succeed
/// becomes Amazon's record of it, IN_PROGRESS at once, queued two days later and settled after 10 to 16 days,
/// PAID, PARTIALLY_PAID (its last line one unit short) or REJECTED by its number, so the loop runs offline.
/// </summary>
internal static class FinancesInvoiceFeed
{
    public static void Accept(SandboxFinancesInvoices data, InvoiceSubmissionModel model, IReadOnlyList<JsonElement> invoices, SandboxTransaction transaction)
    {
        // Direct Fulfillment invoices are not accounts-payable inventory invoices; a failing transaction leaves no record.
        if (model.Api != SubmissionApi.Vendor || transaction.Errors.Count > 0)
        {
            return;
        }

        lock (data.Invoices)
        {
            foreach (var invoice in invoices)
            {
                var number = invoice.GetProperty(model.IdProperty).GetString()!;
                var lines = invoice.TryGetProperty("items", out var items)
                    ? items.EnumerateArray().Select((item, n) => new SandboxInvoiceLine(
                        $"LI-{n + 1:D4}",
                        "B0SUBMITTED",
                        Amount(item.GetProperty("netCost")),
                        item.GetProperty("invoicedQuantity").GetProperty("amount").GetInt32())).ToList()
                    : new List<SandboxInvoiceLine>();
                var total = invoice.GetProperty("invoiceTotal");
                data.Invoices.Add(SandboxFinancesInvoice.Settling(number, data.Now, lines, KindOf(number), Amount(total), total.GetProperty("currencyCode").GetString()!));
            }
        }
    }

    // A stable choice by number: 0 and 3 PAID, 1 PARTIALLY_PAID, 2 REJECTED.
    private static int KindOf(string number) => number.Sum(c => c) % 4;

    private static decimal Amount(JsonElement money) => decimal.Parse(money.GetProperty("amount").GetString()!, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
}
