namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>
/// The values of a government invoice that Amazon lists elsewhere: the transaction and invoice types of
/// getInvoicesAttributes, and the file formats of getGovernmentInvoiceDocument. Each is accepted in any case
/// and sent as the API spells it.
/// </summary>
public static class GovernmentInvoiceRules
{
    /// <summary>The document formats getGovernmentInvoiceDocument serves; XML is Amazon's default.</summary>
    public static readonly IReadOnlyList<string> FileFormats = new[] { "XML", "PDF" };

    /// <summary>
    /// Puts the shipment's transaction and invoice types in the API's spelling, or throws ArgumentException
    /// naming the one that the marketplace's attributes do not list (a list left empty restricts nothing).
    /// </summary>
    public static void Check(GovernmentInvoiceShipment shipment, InvoicesAttributes attributes)
    {
        if (shipment is null)
        {
            throw new ArgumentNullException(nameof(shipment));
        }

        if (attributes is null)
        {
            throw new ArgumentNullException(nameof(attributes));
        }

        shipment.TransactionType = InvoicesAttributesRules.Spell(shipment.TransactionType, attributes.TransactionTypeOptions, "TransactionType")!;
        shipment.InvoiceType = InvoicesAttributesRules.Spell(shipment.InvoiceType, attributes.InvoiceTypeOptions, "InvoiceType")!;
    }

    /// <summary>The file format as the API spells it (XML or PDF), given in any case.</summary>
    public static string FileFormat(string? fileFormat) =>
        FileFormats.FirstOrDefault(f => string.Equals(f, fileFormat, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"FileFormat must be XML or PDF, not '{fileFormat}'.", "FileFormat");
}
