namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>
/// Checks an export request or an invoices query against the options getInvoicesAttributes lists for its
/// marketplace, so an unknown status or type fails here with the choices named, not at Amazon. A value is
/// matched in any case, as PowerShell matches its parameters, and sent in the option's own spelling.
/// </summary>
public static class InvoicesAttributesRules
{
    /// <summary>
    /// Gives each filter of the export request the spelling of the option it matches, in any case; throws
    /// ArgumentException naming the first value that the attributes do not list.
    /// </summary>
    public static void Conform(ExportInvoicesRequest request, InvoicesAttributes attributes)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        CheckNotNull(attributes);
        request.Statuses = request.Statuses?.Select(s => Spell(s, attributes.InvoiceStatusOptions, "Status")!).ToList();
        request.InvoiceType = Spell(request.InvoiceType, attributes.InvoiceTypeOptions, "InvoiceType");
        request.TransactionType = Spell(request.TransactionType, attributes.TransactionTypeOptions, "TransactionType");
        if (request.TransactionIdentifier is { } identifier)
        {
            identifier.Name = Spell(identifier.Name, attributes.TransactionIdentifierNameOptions, "TransactionIdentifierName");
        }
    }

    /// <summary>As <see cref="Conform(ExportInvoicesRequest, InvoicesAttributes)"/>, for the filters of an invoices query.</summary>
    public static void Conform(InvoicesQuery query, InvoicesAttributes attributes)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        CheckNotNull(attributes);
        query.Statuses = query.Statuses?.Select(s => Spell(s, attributes.InvoiceStatusOptions, "Status")!).ToList();
        query.InvoiceType = Spell(query.InvoiceType, attributes.InvoiceTypeOptions, "InvoiceType");
        query.TransactionType = Spell(query.TransactionType, attributes.TransactionTypeOptions, "TransactionType");
        query.TransactionIdentifierName = Spell(query.TransactionIdentifierName, attributes.TransactionIdentifierNameOptions, "TransactionIdentifierName");
    }

    private static void CheckNotNull(InvoicesAttributes attributes)
    {
        if (attributes is null)
        {
            throw new ArgumentNullException(nameof(attributes));
        }
    }

    /// <summary>
    /// The option's own spelling of the value; an exact match wins over one that differs in case only. A list
    /// the marketplace left empty restricts nothing, and the value goes as given.
    /// </summary>
    internal static string? Spell(string? value, IEnumerable<AttributeOption> options, string parameterName)
    {
        var values = options.Select(o => o.Value).OfType<string>().ToList();
        if (value is null || values.Count == 0 || values.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        return values.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"'{value}' is not a {parameterName} of this marketplace. Use one of: {string.Join(", ", values)} (see Get-SpInvoiceAttribute).", parameterName);
    }
}
