namespace SpApi.Sandbox;

/// <summary>The JSON shapes of the Finances Invoices model (InvoiceHeader, InvoiceItem) for a sandbox invoice at a moment.</summary>
internal static class FinancesInvoiceShapes
{
    public static object Header(SandboxFinancesInvoice invoice, DateTimeOffset now)
    {
        var step = invoice.StepAt(now);
        var currency = invoice.CurrencyCode;
        var settlement = new List<object>();
        if (step.Paid > 0)
        {
            settlement.Add(Breakdown("AmountPaid", step.Paid, currency));
        }

        if (step.Queued > 0)
        {
            settlement.Add(Breakdown("QueuedForPayment", step.Queued, currency));
        }

        if (step.Status == "PARTIALLY_PAID")
        {
            settlement.Add(Breakdown("QuantityVarianceAmount", invoice.Total - step.Paid, currency));
        }

        return new
        {
            invoiceNumber = invoice.InvoiceNumber,
            invoiceIdentifier = invoice.Identifier,
            invoiceStatus = step.Status,
            invoiceType = "AP_INVENTORY",
            payee = new { partnerId = "PAY-SANDBOX", partnerType = "VENDOR", partnerName = "Sandbox Vendor", partnerEntities = new[] { SandboxFinancesInvoices.PayeeCode } },
            payer = new { partnerId = "AMAZON_US", partnerType = "AMAZON", partnerName = "Amazon", partnerEntities = Array.Empty<string>() },
            issueDate = invoice.IssueDate,
            dueDate = invoice.IssueDate.AddDays(30),
            paymentTerms = "NET30",
            creationDate = invoice.IssueDate,
            lastUpdatedDate = step.At,
            invoiceAmount = Money(invoice.Total, currency),
            invoiceAmountBreakdowns = new[] { Breakdown("Total", invoice.Total, currency) },
            invoiceSettlementBreakdowns = settlement,
            relatedIdentifiers = new[] { new { relatedIdentifierName = "PURCHASE_ORDER_IDS", relatedIdentifierValue = new[] { "PO" + invoice.InvoiceNumber.Replace("-", string.Empty) } } },
        };
    }

    /// <summary>A line; once the invoice has settled it says what matched and was paid, and why a short line was not.</summary>
    public static object Line(SandboxInvoiceLine line, SandboxStatusStep step, string currency)
    {
        var settled = step.Status != "IN_PROGRESS";
        var paidQuantity = step.Status switch { "REJECTED" => 0, "PARTIALLY_PAID" => line.Quantity - line.ShortBy, _ => line.Quantity };
        return new
        {
            lineItemId = line.LineItemId,
            unitCost = Money(line.UnitCost, currency),
            quantity = line.Quantity,
            totalAmount = Money(line.Total, currency),
            totalAmountBreakdown = new[] { Breakdown("ItemCostWithoutTax", line.Total, currency) },
            lineItemContext = new
            {
                lineItemType = "GOODS",
                itemIdentifiers = new[] { new { itemIdentifierName = "ASIN", itemIdentifierValue = line.Asin } },
                matchingContext = !settled ? null : new
                {
                    matchedQuantity = paidQuantity,
                    matchedAmount = Money(line.UnitCost * paidQuantity, currency),
                    quantityVariance = paidQuantity - line.Quantity,
                    paidQuantity,
                    paidAmount = Money(line.UnitCost * paidQuantity, currency),
                    varianceReasons = paidQuantity == line.Quantity
                        ? Array.Empty<object>()
                        : new object[] { new { varianceType = "PQV", defectTypes = new[] { step.Status == "REJECTED" ? "INVOICE_REJECTED" : "SHORTAGE" } } },
                },
            },
        };
    }

    private static object Money(decimal amount, string currency) => new { currencyCode = currency, currencyAmount = amount };

    private static object Breakdown(string type, decimal amount, string currency) => new { breakdownType = type, breakdownAmount = Money(amount, currency), breakdowns = Array.Empty<object>() };
}
