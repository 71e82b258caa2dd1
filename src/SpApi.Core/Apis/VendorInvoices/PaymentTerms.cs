using System.Text.Json.Serialization;
using SpApi.Core.Json;

namespace SpApi.Core.Apis.VendorInvoices;

/// <summary>The payment terms; their basis is the invoice date.</summary>
public sealed class PaymentTerms
{
    /// <summary>Basic, EndOfMonth, FixedDate, Proximo, PaymentDueUponReceiptOfInvoice or LetterofCredit.</summary>
    public string? Type { get; set; }

    /// <summary>The discount percent, good until the discount due date.</summary>
    [JsonConverter(typeof(DecimalStringConverter))]
    public decimal? DiscountPercent { get; set; }

    /// <summary>Calendar days from the invoice date until the discount lapses.</summary>
    public decimal? DiscountDueDays { get; set; }

    /// <summary>Calendar days from the invoice date until the total is due.</summary>
    public decimal? NetDueDays { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(", ", Type, ModelText.Labelled("net {0} days", NetDueDays), DiscountPercent is null ? null : ModelText.Join(" ", ModelText.Labelled("{0}% discount", DiscountPercent), ModelText.Labelled("within {0} days", DiscountDueDays)));
}
