namespace SpApi.Core.Invoicing;

/// <summary>
/// What New-, Test- and Submit-SpVendorInvoice do with each input object: CSV rows are grouped into
/// invoices (an invoice comes out when its rows end), anything else is one invoice. Each comes out read
/// into the model and, when asked, checked against the model's rules.
/// </summary>
public sealed class InvoiceStream
{
    private readonly InvoiceApi api;
    private readonly bool applyRules;
    private readonly InvoiceCsvGrouper rows;
    private string? columnsWithoutKey;

    /// <summary>Creates a stream for plain input of <paramref name="api"/>'s model.</summary>
    public InvoiceStream(InvoiceApi api, bool applyRules)
    {
        this.api = api;
        this.applyRules = applyRules;
        rows = new InvoiceCsvGrouper(api);
    }

    /// <summary>Takes one input object; returns the invoices that are complete.</summary>
    public IReadOnlyList<VendorInvoiceTestResult> Add(object? source)
    {
        if (source is IReadOnlyDictionary<string, object?> row && InvoiceCsvGrouper.LacksKeyColumn(row))
        {
            return RowWithoutKey(row);
        }

        if (source is IReadOnlyDictionary<string, object?> fields && InvoiceCsvGrouper.IsRow(fields))
        {
            var finished = rows.Add(fields.ToDictionary(f => f.Key, f => (string?)f.Value, StringComparer.OrdinalIgnoreCase));
            return finished is null ? Array.Empty<VendorInvoiceTestResult>() : new[] { FromRows(finished) };
        }

        // Another kind of input ends a run of rows.
        var results = Complete().ToList();
        results.Add(Process(source, Array.Empty<InvoiceProblem>()));
        return results;
    }

    /// <summary>The last invoice of CSV rows, if any; call after the last input.</summary>
    public IReadOnlyList<VendorInvoiceTestResult> Complete() =>
        rows.Complete() is { } last ? new[] { FromRows(last) } : Array.Empty<VendorInvoiceTestResult>();

    // Rows without the InvoiceNumber column cannot be grouped: one error for the first, naming the column and the
    // columns present, instead of every column reported as unknown to the model; the rows after it with the same
    // columns (the rest of the same file) are left out without repeating it.
    private IReadOnlyList<VendorInvoiceTestResult> RowWithoutKey(IReadOnlyDictionary<string, object?> row)
    {
        var columns = string.Join(", ", row.Keys);
        if (columns == columnsWithoutKey)
        {
            return Array.Empty<VendorInvoiceTestResult>();
        }

        columnsWithoutKey = columns;
        throw new MissingCsvColumnException(InvoiceCsvGrouper.KeyColumn, row.Keys.ToList());
    }

    private VendorInvoiceTestResult FromRows(CsvInvoice invoice) => Process(invoice.Tree, invoice.Problems);

    private VendorInvoiceTestResult Process(object? source, IReadOnlyList<InvoiceProblem> earlier)
    {
        var result = applyRules ? InvoiceInput.Test(source, api) : InvoiceInput.Read(source, api);
        return earlier.Count == 0
            ? result
            : new VendorInvoiceTestResult(result.Invoice, result.Api, earlier.Concat(result.Problems).ToList(), result.InvoiceId);
    }
}
