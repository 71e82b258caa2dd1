using System.Globalization;
using System.Text;

namespace SpApi.Sandbox;

/// <summary>A customer invoice in the sandbox's data set, with the time it became available.</summary>
public sealed record SandboxInvoice(string PurchaseOrderNumber, DateTimeOffset CreatedAt, string ShipFromPartyId)
{
    /// <summary>The invoice as a small but real PDF, Base64-encoded as the API returns it.</summary>
    public string Content => Convert.ToBase64String(Pdf(PurchaseOrderNumber));

    /// <summary>
    /// A deterministic data set: count invoices, one every spacing, the newest at end minus spacing,
    /// alternating between two warehouses.
    /// </summary>
    public static List<SandboxInvoice> Generate(DateTimeOffset end, int count, TimeSpan spacing)
    {
        var anchor = new DateTimeOffset(end.UtcDateTime.Date.AddHours(end.UtcDateTime.Hour), TimeSpan.Zero);
        return Enumerable.Range(1, count)
            .Select(i => new SandboxInvoice($"PO{i:D8}", anchor - TimeSpan.FromTicks(spacing.Ticks * i), i % 2 == 0 ? "WH2" : "WH1"))
            .ToList();
    }

    /// <summary>Writes a minimal, valid one-page PDF with the purchase order number on it.</summary>
    public static byte[] Pdf(string purchaseOrderNumber)
    {
        var text = $"BT /F1 18 Tf 72 720 Td (Customer invoice {purchaseOrderNumber}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {text.Length} >>\nstream\n{text}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
