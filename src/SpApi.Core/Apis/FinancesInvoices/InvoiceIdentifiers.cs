namespace SpApi.Core.Apis.FinancesInvoices;

/// <summary>
/// The invoice identifier getInvoice takes. For AP-Inventory invoices it is InvoiceNumber~PayeeCode, so
/// '~' only ever separates those two parts. Any other form is passed as Amazon gave it in the header.
/// </summary>
public static class InvoiceIdentifiers
{
    /// <summary>What joins the invoice number and the payee code.</summary>
    public const char Separator = '~';

    /// <summary>InvoiceNumber~PayeeCode, each part checked.</summary>
    public static string Build(string invoiceNumber, string payeeCode)
    {
        CheckPart(invoiceNumber, "InvoiceNumber");
        CheckPart(payeeCode, "PayeeCode");
        return invoiceNumber + Separator + payeeCode;
    }

    /// <summary>
    /// Refuses an identifier that cannot be one: empty, with spaces at its ends or control characters, or
    /// with a '~' that does not separate a non-empty invoice number from a non-empty payee code.
    /// </summary>
    public static void Check(string? identifier, string parameterName)
    {
        CheckText(identifier, parameterName);
        var id = identifier!;
        if (id.Count(c => c == Separator) > 1 || id[0] == Separator || id[id.Length - 1] == Separator)
        {
            throw new ArgumentException(
                $"{parameterName} '{id}' is not an invoice identifier: an AP-Inventory identifier is InvoiceNumber~PayeeCode, one '~' between two non-empty parts.",
                parameterName);
        }
    }

    private static void CheckPart(string? part, string parameterName)
    {
        CheckText(part, parameterName);
        if (part!.IndexOf(Separator) >= 0)
        {
            throw new ArgumentException($"{parameterName} '{part}' must not contain '~': it separates the invoice number from the payee code.", parameterName);
        }
    }

    private static void CheckText(string? text, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"{parameterName} must not be empty.", parameterName);
        }

        if (text!.Trim().Length != text.Length || text.Any(char.IsControl))
        {
            throw new ArgumentException($"{parameterName} '{text.Trim()}' must not start or end with spaces nor contain control characters.", parameterName);
        }
    }
}
