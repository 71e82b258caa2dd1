namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>
/// Checks an export request against the options getInvoicesAttributes lists for its marketplace, so an
/// unknown status or type fails here with the choices named, not at Amazon after the export was queued.
/// </summary>
public static class InvoicesAttributesRules
{
    /// <summary>Throws ArgumentException naming the first value that the attributes do not list.</summary>
    public static void Check(ExportInvoicesRequest request, InvoicesAttributes attributes)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (attributes is null)
        {
            throw new ArgumentNullException(nameof(attributes));
        }

        foreach (var status in request.Statuses ?? new List<string>())
        {
            CheckOption(status, attributes.InvoiceStatusOptions, "Status");
        }

        CheckOption(request.InvoiceType, attributes.InvoiceTypeOptions, "InvoiceType");
        CheckOption(request.TransactionType, attributes.TransactionTypeOptions, "TransactionType");
        CheckOption(request.TransactionIdentifier?.Name, attributes.TransactionIdentifierNameOptions, "TransactionIdentifierName");
    }

    // A list the marketplace left empty restricts nothing.
    private static void CheckOption(string? value, IEnumerable<AttributeOption> options, string parameterName)
    {
        var values = options.Select(o => o.Value).Where(v => v is not null).ToList();
        if (value is not null && values.Count > 0 && !values.Contains(value, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"'{value}' is not a {parameterName} of this marketplace. Use one of: {string.Join(", ", values)} (see Get-SpInvoiceAttribute).", parameterName);
        }
    }
}
