using System.Globalization;

namespace SpApi.Core.Invoicing;

/// <summary>
/// The total rule, from the model's text for invoiceTotal: "Total monetary amount charged in the invoice or
/// full value of credit note to be paid including all relevant taxes. It is the total amount of invoice
/// (including charges, less allowances) before terms discount". So:
///   invoiceTotal = Σ lines (netCost × quantity) + charges − allowances + taxes.
/// The invoice-level chargeDetails, allowanceDetails and taxDetails (taxTotals in Direct Fulfillment) are
/// described as the totals "for all line items", so when an invoice lists any of one kind they are that
/// kind's total; otherwise the lines' own details are summed. Taxes inside the charges counted are added and
/// taxes inside the allowances counted are subtracted: they are not line-item taxes, and Amazon's own
/// request example adds up only this way. docs/vendor-invoices.md states the rule in full.
/// </summary>
internal sealed class InvoiceArithmetic
{
    public decimal Lines { get; set; }

    public decimal Charges { get; set; }

    public decimal Allowances { get; set; }

    public decimal Taxes { get; set; }

    /// <summary>False when an amount the rule needs is missing; those are reported already, so the sum is not.</summary>
    public bool Complete { get; set; } = true;

    /// <summary>Adds the problem when the stated total differs from the sum, rounded to the total's decimals (at least 2).</summary>
    public void Check(decimal? stated, RuleContext context, string path, bool hasAllowances)
    {
        if (!Complete || stated is not { } total)
        {
            return;
        }

        var decimals = Math.Max(2, Scale(total));
        var computed = Math.Round(Lines + Charges - Allowances + Taxes, decimals, MidpointRounding.AwayFromZero);
        if (computed != total)
        {
            var parts = $"lines {Format(Lines)} (Σ netCost × quantity) + charges {Format(Charges)}"
                + (hasAllowances ? $" − allowances {Format(Allowances)}" : string.Empty)
                + $" + taxes {Format(Taxes)}";
            context.Add(path, $"{Format(total)} does not equal the computed total {Format(computed)}: {parts}. See the total rule in about_SpApi_VendorInvoices.");
        }
    }

    /// <summary>Sums amounts, marking the sum incomplete when one is missing.</summary>
    public decimal Sum<T>(IEnumerable<T>? details, Func<T, decimal?> amount)
    {
        var sum = 0m;
        foreach (var detail in details ?? Enumerable.Empty<T>())
        {
            if (amount(detail) is { } value)
            {
                sum += value;
            }
            else
            {
                Complete = false;
            }
        }

        return sum;
    }

    private static int Scale(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
