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

    // What ran past decimal's range (about 7.9e28), with the path to blame: no real invoice comes near it, so it is
    // a typo or hostile input, reported as the invoice's problem rather than escaping as an OverflowException.
    private InvoiceProblem? overflow;

    /// <summary>Adds the problem when the stated total differs from the sum, rounded to the total's decimals (at least 2).</summary>
    public void Check(decimal? stated, RuleContext context, string path, bool hasAllowances)
    {
        var sum = Add(() => Lines + Charges - Allowances + Taxes, path);
        if (overflow is not null)
        {
            context.Add(overflow.Path, overflow.Message);
            return;
        }

        if (!Complete || stated is not { } total)
        {
            return;
        }

        var decimals = Math.Max(2, Scale(total));
        var computed = Math.Round(sum!.Value, decimals, MidpointRounding.AwayFromZero);
        if (computed != total)
        {
            var parts = $"lines {Format(Lines)} (Σ netCost × quantity) + charges {Format(Charges)}"
                + (hasAllowances ? $" − allowances {Format(Allowances)}" : string.Empty)
                + $" + taxes {Format(Taxes)}";
            context.Add(path, $"{Format(total)} does not equal the computed total {Format(computed)}: {parts}. See the total rule in about_SpApi_VendorInvoices.");
        }
    }

    /// <summary>
    /// Sums amounts, marking the sum incomplete when one is missing. <paramref name="what"/> names the amounts in
    /// the problem reported when one of them, or their sum, is too large for a decimal; an entry of a list the
    /// invoice holds as it is (<paramref name="indexed"/>) is named by its index, items[0].
    /// </summary>
    public decimal Sum<T>(IEnumerable<T>? details, Func<T, decimal?> amount, string what, bool indexed = false)
    {
        var sum = 0m;
        var index = 0;
        foreach (var detail in details ?? Enumerable.Empty<T>())
        {
            var at = indexed ? $"{what}[{index++}]" : what;
            if (Add(() => amount(detail), at) is not { } value)
            {
                // A missing amount is reported by the field's own rule (one past the range, by Check).
                if (overflow is null)
                {
                    Complete = false;
                }

                continue;
            }

            sum = Add(() => sum + value, what) ?? 0m;
        }

        return sum;
    }

    /// <summary>A sum of sums (taxes of the lines, of the charges, less those of the allowances), guarded as <see cref="Sum"/> is.</summary>
    public decimal Combine(Func<decimal> sum, string what) => Add(() => sum(), what) ?? 0m;

    // Computes one amount; null when it is missing, or when it ran past decimal's range (then the first such is kept).
    private decimal? Add(Func<decimal?> compute, string at)
    {
        if (overflow is not null)
        {
            return null;
        }

        try
        {
            return compute();
        }
        catch (OverflowException)
        {
            overflow = new InvoiceProblem(at, $"is too large to add up: the amounts there reach past {Format(decimal.MaxValue)}, the largest a decimal holds, so the total cannot be checked. No invoice comes near that; check the amounts (netCost, invoicedQuantity, charges, allowances, taxes).");
            return null;
        }
    }

    private static int Scale(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
