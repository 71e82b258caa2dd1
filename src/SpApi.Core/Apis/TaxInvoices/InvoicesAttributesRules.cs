namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>
/// Checks an export request or an invoices query against the options getInvoicesAttributes lists for its
/// marketplace, so an unknown status or type fails here with the choices named, not at Amazon.
/// </summary>
public static class InvoicesAttributesRules
{
    /// <summary>Throws ArgumentException naming the first value of the export request that the attributes do not list.</summary>
    public static void Check(ExportInvoicesRequest request, InvoicesAttributes attributes)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        Check(request.Statuses, request.InvoiceType, request.TransactionType, request.TransactionIdentifier?.Name, attributes);
    }

    /// <summary>Throws ArgumentException naming the first filter of the invoices query that the attributes do not list.</summary>
    public static void Check(InvoicesQuery query, InvoicesAttributes attributes)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        Check(query.Statuses, query.InvoiceType, query.TransactionType, query.TransactionIdentifierName, attributes);
    }

    private static void Check(IEnumerable<string>? statuses, string? invoiceType, string? transactionType, string? identifierName, InvoicesAttributes attributes)
    {
        if (attributes is null)
        {
            throw new ArgumentNullException(nameof(attributes));
        }

        foreach (var status in statuses ?? Enumerable.Empty<string>())
        {
            CheckOption(status, attributes.InvoiceStatusOptions, "Status");
        }

        CheckOption(invoiceType, attributes.InvoiceTypeOptions, "InvoiceType");
        CheckOption(transactionType, attributes.TransactionTypeOptions, "TransactionType");
        CheckOption(identifierName, attributes.TransactionIdentifierNameOptions, "TransactionIdentifierName");
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
