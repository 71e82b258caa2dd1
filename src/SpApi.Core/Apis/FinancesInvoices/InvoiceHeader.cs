using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.FinancesInvoices;

/// <summary>The model's InvoiceHeader: Amazon's record of one invoice, its status, amounts and settlement.</summary>
public sealed class InvoiceHeader
{
    /// <summary>The invoice number given when the invoice was created.</summary>
    public string? InvoiceNumber { get; set; }

    /// <summary>The id getInvoice takes; for AP_INVENTORY invoices InvoiceNumber~PayeeCode.</summary>
    public string? InvoiceIdentifier { get; set; }

    /// <summary>IN_PROGRESS, REJECTED, PARTIALLY_PAID, PARTIALLY_DEDUCTED, PAID or DEDUCTED.</summary>
    public string? InvoiceStatus { get; set; }

    /// <summary>AP_INVENTORY or OTHER.</summary>
    public string? InvoiceType { get; set; }

    /// <summary>The period the invoice bills.</summary>
    public BillingPeriod? BillingPeriod { get; set; }

    /// <summary>Who pays; Amazon for an accounts-payable invoice.</summary>
    public PartnerMetadata? Payer { get; set; }

    /// <summary>Who is paid; the vendor for an accounts-payable invoice.</summary>
    public PartnerMetadata? Payee { get; set; }

    /// <summary>When the invoice was issued.</summary>
    public DateTimeOffset? IssueDate { get; set; }

    /// <summary>When it is due.</summary>
    public DateTimeOffset? DueDate { get; set; }

    /// <summary>The payment terms, for example NET30.</summary>
    public string? PaymentTerms { get; set; }

    /// <summary>The invoice's total.</summary>
    public Currency? InvoiceAmount { get; set; }

    /// <summary>The parts of the total: Total, InvoiceAmountWithoutTax, TaxAmount, MiscCharges, Other.</summary>
    public ReadableList<Breakdown> InvoiceAmountBreakdowns { get; set; } = new();

    /// <summary>How it was settled: AmountPaid, QueuedForPayment, QuickPayDiscount, QuantityVarianceAmount, PriceVariance, Other.</summary>
    public ReadableList<Breakdown> InvoiceSettlementBreakdowns { get; set; } = new();

    /// <summary>The invoice's purchase orders, ASNs, vendor code and other ids.</summary>
    public ReadableList<RelatedIdentifier> RelatedIdentifiers { get; set; } = new();

    /// <summary>When Amazon created its record.</summary>
    public DateTimeOffset? CreationDate { get; set; }

    /// <summary>When Amazon last changed it.</summary>
    public DateTimeOffset? LastUpdatedDate { get; set; }

    /// <summary>
    /// <see cref="InvoiceStatus"/> under the short name scripts filter on (Where-Object Status -eq REJECTED).
    /// Not part of the model, so never read from or written to JSON.
    /// </summary>
    [JsonIgnore]
    public string? Status => InvoiceStatus;

    /// <summary>
    /// The marketplace the header was read from. The model's header does not carry it, but getInvoice needs
    /// it; set by the module so a header piped to Get-SpVendorInvoice binds it by name. Not part of the model.
    /// </summary>
    [JsonIgnore]
    public string? MarketplaceId { get; set; }

    /// <summary>The total of the settlement breakdowns of one type (AmountPaid, QueuedForPayment ...), or null when there are none.</summary>
    public decimal? Settled(string breakdownType)
    {
        var amounts = InvoiceSettlementBreakdowns
            .Where(b => string.Equals(b.BreakdownType, breakdownType, StringComparison.OrdinalIgnoreCase) && b.BreakdownAmount?.CurrencyAmount is not null)
            .Select(b => b.BreakdownAmount!.CurrencyAmount!.Value)
            .ToList();
        try
        {
            return amounts.Count == 0 ? null : amounts.Sum();
        }
        catch (OverflowException ex)
        {
            // Each amount fits a decimal, their sum does not: no real settlement, so the answer is not trusted.
            throw new Http.SpApiException(
                $"{Operations.SpApiOperations.GetFinancesInvoiceHeaders.Name}: the {breakdownType} breakdowns of invoice {this} add up to more than a decimal holds ({decimal.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)}).",
                Operations.SpApiOperations.GetFinancesInvoiceHeaders.Name,
                Http.SpApiFailureKind.InvalidResponse,
                innerException: ex);
        }
    }

    /// <inheritdoc />
    public override string ToString() => InvoiceIdentifier ?? InvoiceNumber ?? string.Empty;
}
