using SpApi.Core.Apis.VendorDirectFulfillmentShipping;

namespace SpApi.Core.Files;

/// <summary>What saving an invoice did.</summary>
public enum InvoiceSaveOutcome
{
    /// <summary>A new file was written.</summary>
    Written,

    /// <summary>An identical file was already there; nothing was written.</summary>
    Unchanged,

    /// <summary>A different file was replaced (only with -Force).</summary>
    Replaced,
}

/// <summary>The result of saving one invoice.</summary>
public sealed record InvoiceSaveResult(string PurchaseOrderNumber, string Path, InvoiceSaveOutcome Outcome);

/// <summary>The invoice content is not Base64, or not a PDF.</summary>
public sealed class InvalidInvoiceContentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidInvoiceContentException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>A different file already has the invoice's name.</summary>
public sealed class InvoiceFileConflictException : IOException
{
    /// <summary>Creates the exception.</summary>
    public InvoiceFileConflictException(string message)
        : base(message)
    {
    }
}

/// <summary>Writes customer invoices as &lt;PurchaseOrderNumber&gt;.pdf, decoded, atomically.</summary>
public static class CustomerInvoiceFiles
{
    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();

    // Windows device names, which open the device whatever the extension (CON.pdf is the console) and in any case.
    private static readonly HashSet<string> DeviceNames = new(
        new[] { "CON", "PRN", "AUX", "NUL" }.Concat(Enumerable.Range(0, 10).SelectMany(i => new[] { $"COM{i}", $"LPT{i}" })),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The file an invoice is saved to: &lt;PurchaseOrderNumber&gt;.pdf, or _&lt;PurchaseOrderNumber&gt;.pdf for a
    /// Windows device name (CON, NUL, COM1, LPT1 ...), on every OS, so a folder means the same everywhere. No
    /// purchase order has an underscore, so the mapped name is nobody else's.
    /// </summary>
    public static string PathFor(string folder, string purchaseOrderNumber)
    {
        // The model's pattern (letters and digits only) also keeps the name inside the folder.
        CustomerInvoicesApi.ValidatePurchaseOrderNumber(purchaseOrderNumber, "PurchaseOrderNumber");
        var name = DeviceNames.Contains(purchaseOrderNumber) ? "_" + purchaseOrderNumber : purchaseOrderNumber;
        return Path.Combine(folder, name + ".pdf");
    }

    /// <summary>
    /// Saves the invoice. An identical existing file is left alone; a different one is an error unless
    /// <paramref name="force"/>. The file is written under a temporary name and renamed into place.
    /// </summary>
    public static InvoiceSaveResult Save(CustomerInvoice invoice, string folder, bool force)
    {
        var pending = Prepare(invoice, folder, force);
        pending.Write();
        return pending.Result;
    }

    /// <summary>
    /// Decodes the invoice and compares it with the file on disk, writing nothing yet, so a caller can ask
    /// (-WhatIf, -Confirm) before <see cref="PendingInvoiceFile.Write"/>. A different existing file is an
    /// error unless <paramref name="force"/>.
    /// </summary>
    public static PendingInvoiceFile Prepare(CustomerInvoice invoice, string folder, bool force)
    {
        if (invoice is null)
        {
            throw new ArgumentNullException(nameof(invoice));
        }

        var path = PathFor(folder, invoice.PurchaseOrderNumber);
        var bytes = Decode(invoice);
        if (!File.Exists(path))
        {
            return new PendingInvoiceFile(new InvoiceSaveResult(invoice.PurchaseOrderNumber, path, InvoiceSaveOutcome.Written), folder, bytes);
        }

        if (SameContent(path, bytes))
        {
            return new PendingInvoiceFile(new InvoiceSaveResult(invoice.PurchaseOrderNumber, path, InvoiceSaveOutcome.Unchanged), folder, bytes);
        }

        if (!force)
        {
            throw new InvoiceFileConflictException(
                $"{path} already exists with different content. Use -Force to replace it.");
        }

        return new PendingInvoiceFile(new InvoiceSaveResult(invoice.PurchaseOrderNumber, path, InvoiceSaveOutcome.Replaced), folder, bytes);
    }

    private static byte[] Decode(CustomerInvoice invoice)
    {
        byte[] bytes;
        try
        {
            bytes = invoice.GetContentBytes();
        }
        catch (FormatException ex)
        {
            throw new InvalidInvoiceContentException($"The content of the invoice for purchase order {invoice.PurchaseOrderNumber} is not valid Base64.", ex);
        }

        if (bytes.Length < PdfSignature.Length || !bytes.Take(PdfSignature.Length).SequenceEqual(PdfSignature))
        {
            throw new InvalidInvoiceContentException($"The content of the invoice for purchase order {invoice.PurchaseOrderNumber} is not a PDF (it does not start with %PDF-).");
        }

        return bytes;
    }

    private static bool SameContent(string path, byte[] bytes)
    {
        var info = new FileInfo(path);
        return info.Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
    }
}

/// <summary>An invoice decoded and compared with the disk, ready to be written (or not, when unchanged).</summary>
public sealed class PendingInvoiceFile
{
    private readonly string folder;
    private readonly byte[] bytes;

    internal PendingInvoiceFile(InvoiceSaveResult result, string folder, byte[] bytes)
    {
        Result = result;
        this.folder = folder;
        this.bytes = bytes;
    }

    /// <summary>What writing does: Written or Replaced; Unchanged when the identical file is there and nothing is to be written.</summary>
    public InvoiceSaveResult Result { get; }

    /// <summary>Writes the file atomically (creating the folder), unless it is unchanged.</summary>
    public void Write()
    {
        if (Result.Outcome == InvoiceSaveOutcome.Unchanged)
        {
            return;
        }

        OutputFolder.Create(folder);
        AtomicFile.WriteAllBytes(Result.Path, bytes);
    }
}
