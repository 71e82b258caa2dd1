using SpApi.Core.Apis;

namespace SpApi.Core.Invoicing;

/// <summary>What Test-SpVendorInvoice found in one invoice: every problem, each with its path and message.</summary>
public sealed class VendorInvoiceTestResult
{
    /// <summary>Creates the result.</summary>
    public VendorInvoiceTestResult(object? invoice, InvoiceApi api, IReadOnlyList<InvoiceProblem> problems, string? invoiceId)
    {
        Invoice = invoice;
        Api = api;
        Problems = new ReadableList<InvoiceProblem>(problems);
        InvoiceId = invoiceId;
    }

    /// <summary>The invoice (or credit note) number, when the input has one.</summary>
    public string? InvoiceId { get; }

    /// <summary>The API whose model the invoice was checked against.</summary>
    public InvoiceApi Api { get; }

    /// <summary>True when nothing is wrong: the invoice may be submitted.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>Every problem found, not just the first.</summary>
    public IReadOnlyList<InvoiceProblem> Problems { get; }

    /// <summary>The model invoice (Invoice or InvoiceDetail), or null when the input could not be read as one.</summary>
    public object? Invoice { get; }

    /// <summary>All problems, one per line, for error messages.</summary>
    public string Describe() =>
        $"Invoice {InvoiceId ?? "(no id)"} has {Problems.Count} problem(s):{Environment.NewLine}  "
        + string.Join(Environment.NewLine + "  ", Problems);

    /// <inheritdoc />
    public override string ToString() => IsValid ? $"Invoice {InvoiceId}: valid" : Describe();
}
