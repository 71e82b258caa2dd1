using System.Security.Cryptography;
using System.Text;

namespace SpApi.Core.Apis.VendorDirectFulfillmentShipping;

/// <summary>What a purchase order seen again while reading a range is.</summary>
internal enum CustomerInvoiceRepeat
{
    /// <summary>Not seen before: pass it on.</summary>
    New,

    /// <summary>Seen before with the same content (windows overlap at their ends): drop it quietly.</summary>
    Same,

    /// <summary>Seen before with other content: the server contradicts itself; the first is kept and this one reported.</summary>
    Conflicting,
}

/// <summary>
/// The purchase orders of the current and the previous window of a range read, each with a digest of its
/// content, so a repeat is told apart from a contradiction. Two windows are enough: windows overlap only
/// with their neighbour, and memory stays bounded however long the range.
/// </summary>
internal sealed class CustomerInvoiceRepeats
{
    private Dictionary<string, string> previous = new(StringComparer.Ordinal);
    private Dictionary<string, string> current = new(StringComparer.Ordinal);

    /// <summary>Starts the next window: the current one becomes the previous one.</summary>
    public void NextWindow()
    {
        previous = current;
        current = new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>Records the invoice and says whether it is new, a repeat, or a contradiction of an earlier copy.</summary>
    public CustomerInvoiceRepeat See(CustomerInvoice invoice)
    {
        var digest = Digest(invoice.Content);
        if (current.TryGetValue(invoice.PurchaseOrderNumber, out var earlier) || previous.TryGetValue(invoice.PurchaseOrderNumber, out earlier))
        {
            current[invoice.PurchaseOrderNumber] = earlier;
            return string.Equals(earlier, digest, StringComparison.Ordinal) ? CustomerInvoiceRepeat.Same : CustomerInvoiceRepeat.Conflicting;
        }

        current[invoice.PurchaseOrderNumber] = digest;
        return CustomerInvoiceRepeat.New;
    }

    private static string Digest(string content)
    {
        using var sha = SHA256.Create();
        return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(content)));
    }
}
