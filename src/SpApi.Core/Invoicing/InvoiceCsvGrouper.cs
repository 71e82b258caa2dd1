using System.Text.RegularExpressions;

namespace SpApi.Core.Invoicing;

/// <summary>One invoice assembled from CSV rows: a plain tree for <see cref="InvoiceInput"/>, and the problems of its rows.</summary>
public sealed class CsvInvoice
{
    internal CsvInvoice(string invoiceNumber, int firstRow)
    {
        InvoiceNumber = invoiceNumber;
        FirstRow = firstRow;
    }

    /// <summary>The InvoiceNumber of its rows.</summary>
    public string InvoiceNumber { get; }

    /// <summary>The number of its first row (1 is the first row after the header).</summary>
    public int FirstRow { get; }

    /// <summary>The invoice as a plain tree in the model's names.</summary>
    public Dictionary<string, object?> Tree { get; } = PlainTree.NewObject();

    /// <summary>What is wrong with the rows themselves (unknown columns, rows that disagree).</summary>
    public List<InvoiceProblem> Problems { get; } = new();
}

/// <summary>
/// Groups CSV rows (one per line item, as Import-Csv gives them) into invoices by InvoiceNumber, streaming:
/// an invoice is complete when a row of another invoice arrives. The rows of one invoice must be adjacent
/// (sort the file by InvoiceNumber), because a later row of an invoice already passed on would otherwise be
/// lost or become a second invoice with the same number.
/// </summary>
public sealed class InvoiceCsvGrouper
{
    private static readonly Regex Segment = new(@"^(?<name>[A-Za-z][A-Za-z0-9]*)(\[(?<index>\d+)\])?$", RegexOptions.CultureInvariant);

    private readonly InvoiceApi api;
    private readonly HashSet<string> completed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Value, int Row)> headerValues = new(StringComparer.OrdinalIgnoreCase);
    private CsvInvoice? current;
    private List<object?>? items;
    private int row;

    /// <summary>Creates a grouper for one API's model.</summary>
    public InvoiceCsvGrouper(InvoiceApi api) => this.api = api;

    /// <summary>The column that groups rows into invoices.</summary>
    public const string KeyColumn = "InvoiceNumber";

    /// <summary>Whether an input object looks like a CSV row: text values only, with an InvoiceNumber column.</summary>
    public static bool IsRow(IReadOnlyDictionary<string, object?> fields) =>
        fields.Keys.Any(IsKeyColumn) && fields.Values.All(v => v is null or string);

    /// <summary>
    /// Whether an input object is a CSV row without the InvoiceNumber column: text values only, no InvoiceNumber,
    /// and at least one column that only a CSV has (a line column such as NetCost, or a party column such as
    /// RemitToPartyId), not a property of either model. A flat object in a model's shape is not taken for one.
    /// </summary>
    public static bool LacksKeyColumn(IReadOnlyDictionary<string, object?> fields) =>
        !fields.Keys.Any(IsKeyColumn)
        && fields.Values.All(v => v is null or string)
        && fields.Keys.Any(InvoiceCsvColumns.IsCsvOnly);

    private static bool IsKeyColumn(string name) => string.Equals(name, KeyColumn, StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds a row; returns the previous invoice when this row starts another.</summary>
    public CsvInvoice? Add(IReadOnlyDictionary<string, string?> fields)
    {
        row++;
        var number = fields.FirstOrDefault(f => IsKeyColumn(f.Key)).Value?.Trim();
        if (string.IsNullOrEmpty(number))
        {
            throw new ArgumentException($"InputObject: CSV row {row} has no InvoiceNumber; every row needs the number of the invoice it belongs to.", "InputObject");
        }

        CsvInvoice? finished = null;
        if (current is null || current.InvoiceNumber != number)
        {
            if (completed.Contains(number!))
            {
                throw new ArgumentException(
                    $"InputObject: CSV row {row} belongs to invoice {number}, whose rows ended earlier; the rows of an invoice must be adjacent. Sort the rows first: Import-Csv ... | Sort-Object InvoiceNumber | New-SpVendorInvoice.",
                    "InputObject");
            }

            finished = Complete();
            current = new CsvInvoice(number!, row);
            items = new List<object?>();
            current.Tree["items"] = items;
            headerValues.Clear();
        }

        AddRow(fields);
        return finished;
    }

    /// <summary>Returns the last invoice, if any; call after the last row.</summary>
    public CsvInvoice? Complete()
    {
        var finished = current;
        if (finished is not null)
        {
            // Lines without a number are numbered in row order.
            InvoiceFields.NumberLines(items!);
            completed.Add(finished.InvoiceNumber);
            current = null;
        }

        return finished;
    }

    private void AddRow(IReadOnlyDictionary<string, string?> fields)
    {
        var invoice = current!;
        var line = PlainTree.NewObject();
        var currency = fields.FirstOrDefault(f => string.Equals(f.Key, "CurrencyCode", StringComparison.OrdinalIgnoreCase)).Value;
        foreach (var field in fields)
        {
            var column = InvoiceCsvColumns.All.FirstOrDefault(c => string.Equals(c.Name, field.Key, StringComparison.OrdinalIgnoreCase));
            var value = field.Value?.Trim();
            if (column is null)
            {
                invoice.Problems.Add(new InvoiceProblem(field.Key, $"row {row}: '{field.Key}' is not a column New-SpVendorInvoice knows; see the CSV columns in about_SpApi_VendorInvoices (nothing is dropped silently)."));
                continue;
            }

            if (string.IsNullOrEmpty(value) || column.Name == "CurrencyCode")
            {
                continue;
            }

            var path = column.PathFor(api);
            if (path is null)
            {
                invoice.Problems.Add(new InvoiceProblem(column.Name, $"row {row}: the {(api == InvoiceApi.DirectFulfillment ? "Direct Fulfillment" : "vendor")} model has no field for column {column.Name}; leave it empty."));
                continue;
            }

            if (!column.IsLine && !SameAsEarlierRow(column, value!, invoice))
            {
                continue;
            }

            var target = column.IsLine ? line : invoice.Tree;
            if (column.IsMoney)
            {
                Set(target, path + ".amount", value);
                Set(target, path + ".currencyCode", string.IsNullOrWhiteSpace(currency) ? null : currency!.Trim());
            }
            else
            {
                Set(target, path, value);
            }
        }

        if (!line.ContainsKey("invoicedQuantity") || line["invoicedQuantity"] is Dictionary<string, object?> quantity && !quantity.ContainsKey("unitOfMeasure"))
        {
            Set(line, "invoicedQuantity.unitOfMeasure", "Eaches");
        }

        items!.Add(line);
    }

    private bool SameAsEarlierRow(InvoiceCsvColumn column, string value, CsvInvoice invoice)
    {
        if (headerValues.TryGetValue(column.Name, out var earlier))
        {
            if (earlier.Value != value)
            {
                invoice.Problems.Add(new InvoiceProblem(column.Name,
                    $"row {row} says '{value}' but row {earlier.Row} of the same invoice says '{earlier.Value}'; an invoice column must be the same on all of the invoice's rows."));
            }

            return false;
        }

        headerValues[column.Name] = (value, row);
        return true;
    }

    // Sets a value at a path such as remitToParty.taxRegistrationDetails[0].taxRegistrationType, creating objects and lists on the way.
    private static void Set(Dictionary<string, object?> root, string path, string? value)
    {
        if (value is null)
        {
            return;
        }

        var node = root;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var match = Segment.Match(segments[i]);
            var name = match.Groups["name"].Value;
            var last = i == segments.Length - 1;
            if (!match.Groups["index"].Success)
            {
                if (last)
                {
                    node[name] = value;
                    return;
                }

                node = node.TryGetValue(name, out var child) && child is Dictionary<string, object?> existing ? existing : (Dictionary<string, object?>)(node[name] = PlainTree.NewObject())!;
                continue;
            }

            // The CSV has one entry per line for lists (one tax, one charge...), always at index 0.
            var list = node.TryGetValue(name, out var items) && items is List<object?> existingList ? existingList : (List<object?>)(node[name] = new List<object?>())!;
            if (list.Count == 0)
            {
                list.Add(PlainTree.NewObject());
            }

            node = (Dictionary<string, object?>)list[0]!;
        }
    }
}
