namespace SpApi.Tests.VendorInvoices;

/// <summary>Rows as Import-Csv gives them: one dictionary of text per line (the sample files have no quoted commas).</summary>
internal static class CsvRows
{
    public static string ExampleFile => Path.Combine(Support.Repository.Root, "docs", "examples", "vendor-invoices.csv");

    public static List<Dictionary<string, object?>> Read(string path) => Parse(File.ReadAllLines(path));

    public static List<Dictionary<string, object?>> Parse(params string[] lines)
    {
        var header = lines[0].Split(',');
        return lines.Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var cells = line.Split(',');
            var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < cells.Length ? cells[i] : string.Empty;
            }

            return row;
        }).ToList();
    }
}
