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

        shipment.TransactionType = Option(shipment.TransactionType, attributes.TransactionTypeOptions.Select(o => o.Value), "TransactionType");
        shipment.InvoiceType = Option(shipment.InvoiceType, attributes.InvoiceTypeOptions.Select(o => o.Value), "InvoiceType");
    }

    /// <summary>The file format as the API spells it (XML or PDF), given in any case.</summary>
    public static string FileFormat(string? fileFormat) =>
        FileFormats.FirstOrDefault(f => string.Equals(f, fileFormat, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"FileFormat must be XML or PDF, not '{fileFormat}'.", "FileFormat");

    private static string Option(string value, IEnumerable<string?> options, string parameterName)
    {
        var values = options.Where(v => v is not null).Select(v => v!).ToList();
        if (values.Count == 0)
        {
            return value;
        }

        return values.FirstOrDefault(v => string.Equals(v, value, StringComparison.Ordinal))
            ?? values.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"'{value}' is not a {parameterName} of this marketplace. Use one of: {string.Join(", ", values)} (see Get-SpInvoiceAttribute).", parameterName);
    }
}
