using System.Text.Json;
using SpApi.Core.Apis.VendorDirectFulfillmentPayments;
using SpApi.Core.Apis.VendorInvoices;

namespace SpApi.Core.Invoicing;

/// <summary>
/// Turns any accepted input into a model invoice: an Invoice or InvoiceDetail as it is, or a plain tree
/// (from a hashtable, ConvertFrom-Json, Import-Clixml or a JSON file) read with <see cref="ModelReader"/>.
/// </summary>
public static class InvoiceInput
{
    /// <summary>
    /// Reads one invoice. A model object decides its own API; plain input is read as <paramref name="api"/>'s model.
    /// A test result (what New-SpVendorInvoice passes on for an invoice it could not build, or Test-SpVendorInvoice's
    /// output) stands for its invoice and keeps its problems, so an invoice that could not be built stays invalid.
    /// </summary>
    public static VendorInvoiceTestResult Read(object? source, InvoiceApi api)
    {
        if (source is VendorInvoiceTestResult earlier)
        {
            return earlier;
        }

        var problems = new List<InvoiceProblem>();
        object? invoice = source switch
        {
            Invoice vendor => vendor,
            InvoiceDetail directFulfillment => directFulfillment,
            null => null,
            _ when api == InvoiceApi.DirectFulfillment => ModelReader.Read<InvoiceDetail>(source, string.Empty, problems),
            _ => ModelReader.Read<Invoice>(source, string.Empty, problems),
        };
        if (source is null)
        {
            problems.Add(new InvoiceProblem(string.Empty, "The input is empty: there is no invoice to read."));
        }

        return new VendorInvoiceTestResult(invoice, ApiOf(invoice, api), problems, IdOf(source, invoice));
    }

    /// <summary>Reads and checks one invoice: the reading problems and the model's rules, all of them.</summary>
    public static VendorInvoiceTestResult Test(object? source, InvoiceApi api)
    {
        var read = Read(source, api);
        var rules = read.Invoice switch
        {
            Invoice vendor => VendorInvoiceRules.Check(vendor),
            InvoiceDetail directFulfillment => DirectFulfillmentInvoiceRules.Check(directFulfillment),
            _ => Array.Empty<InvoiceProblem>(),
        };
        // A field that could not be read is reported once, by the reader, not again as missing (nor twice when a
        // result that was already checked comes back).
        var unread = read.Problems.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        return new VendorInvoiceTestResult(read.Invoice, read.Api, read.Problems.Concat(rules.Where(p => !unread.Contains(p.Path))).ToList(), read.InvoiceId);
    }

    /// <summary>
    /// The invoices of a JSON file: a submit request body {"invoices": [...]}, an array of invoices, or one
    /// invoice. Each comes back as a plain tree for <see cref="Read"/>. A file larger than
    /// <see cref="Files.InputFile.MaxInvoiceFileBytes"/> is <see cref="Files.InputFileTooLargeException"/>.
    /// </summary>
    public static IReadOnlyList<object?> ReadFile(string path)
    {
        JsonDocument document;
        try
        {
            // Bounded: -Path /dev/zero or a 3 GB file fails at the limit instead of being read into memory first.
            using var stream = Files.InputFile.OpenBounded(path, "Path");
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"Path: {path} is not valid JSON: {ex.Message}", "Path", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"Path: {path} cannot be read: {ex.Message}", "Path", ex);
        }

        using (document)
        {
            object? root;
            try
            {
                root = PlainTree.FromJson(document.RootElement);
            }
            catch (DuplicateJsonKeyException ex)
            {
                throw new ArgumentException($"Path: {path}: {ex.Message} Remove one of them.", "Path", ex);
            }

            return root switch
            {
                List<object?> invoices => invoices,
                Dictionary<string, object?> body when body.Count == 1 && body.TryGetValue("invoices", out var list) && list is List<object?> invoices => invoices,
                Dictionary<string, object?> single when !single.ContainsKey("invoices") => new[] { single },
                _ => throw new ArgumentException(
                    $"Path: {path} must hold {{\"invoices\": [ ... ]}}, an array of invoices, or one invoice object.", "Path"),
            };
        }
    }

    /// <summary>The API of a model invoice; <paramref name="otherwise"/> for anything else.</summary>
    public static InvoiceApi ApiOf(object? invoice, InvoiceApi otherwise) => invoice switch
    {
        InvoiceDetail => InvoiceApi.DirectFulfillment,
        Invoice => InvoiceApi.Vendor,
        _ => otherwise,
    };

    /// <summary>The invoice number of a model invoice.</summary>
    public static string? IdOf(object? invoice) => invoice switch
    {
        Invoice vendor => vendor.Id,
        InvoiceDetail directFulfillment => directFulfillment.InvoiceNumber,
        _ => null,
    };

    // The id from the model when it was read, else from the raw input, so even unreadable invoices are named.
    private static string? IdOf(object? source, object? invoice) =>
        IdOf(invoice) ?? (source is System.Collections.IDictionary fields
            ? (fields["id"] ?? fields["invoiceNumber"])?.ToString()
            : null);
}
