namespace SpApi.Core.Invoicing;

/// <summary>
/// Packs invoices into submit requests. Neither model sets a maximum number of invoices (no maxItems) and
/// Amazon publishes no count; the only limit either operation declares is 413 Payload Too Large, without a
/// figure. So a request closes at <see cref="MaxInvoices"/> invoices (50 unless -BatchSize says otherwise,
/// at most 100) or before its body would pass <see cref="MaxBodyBytes"/> (1 MiB), whichever comes first;
/// smaller requests also mean a failed transaction holds fewer invoices. Vendor and Direct Fulfillment
/// invoices never share a request. The same invoice number twice in one run is refused, because Amazon
/// would receive a duplicate.
/// </summary>
public sealed class InvoiceBatcher
{
    /// <summary>The default number of invoices per request.</summary>
    public const int DefaultMaxInvoices = 50;

    /// <summary>The most -BatchSize allows.</summary>
    public const int LargestBatch = 100;

    /// <summary>The default body ceiling: 1 MiB.</summary>
    public const int DefaultMaxBodyBytes = 1 << 20;

    // {"invoices":[ ... ]} around the invoices, and a comma between two.
    private const int EnvelopeBytes = 15;

    private readonly Dictionary<InvoiceApi, Pending> pending = new();
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    /// <summary>Creates a batcher.</summary>
    public InvoiceBatcher(int maxInvoices = DefaultMaxInvoices, int maxBodyBytes = DefaultMaxBodyBytes)
    {
        if (maxInvoices is < 1 or > LargestBatch)
        {
            throw new ArgumentOutOfRangeException("BatchSize", maxInvoices, $"BatchSize must be from 1 to {LargestBatch}.");
        }

        MaxInvoices = maxInvoices;
        MaxBodyBytes = maxBodyBytes;
    }

    /// <summary>The most invoices in one request.</summary>
    public int MaxInvoices { get; }

    /// <summary>The largest body, in bytes; an invoice larger on its own still goes, alone.</summary>
    public int MaxBodyBytes { get; }

    /// <summary>Adds a checked invoice; an invalid one is refused, so it can never be sent. Returns the batches it closed.</summary>
    public IReadOnlyList<InvoiceBatch> Add(VendorInvoiceTestResult checkedInvoice)
    {
        if (!checkedInvoice.IsValid || checkedInvoice.Invoice is null)
        {
            throw new InvalidVendorInvoiceException(checkedInvoice, "It was not sent.");
        }

        return Add(checkedInvoice.Invoice);
    }

    /// <summary>Adds a model invoice as it is; returns the batches it closed (none, or one).</summary>
    internal IReadOnlyList<InvoiceBatch> Add(object invoice)
    {
        var api = InvoiceInput.ApiOf(invoice, InvoiceApi.Vendor);
        var id = InvoiceInput.IdOf(invoice) ?? throw new ArgumentException("InputObject: an invoice without a number cannot be submitted.", "InputObject");
        if (!seen.Add($"{api}/{id}"))
        {
            throw new DuplicateInvoiceException(id);
        }

        var size = VendorInvoicingApi.SizeOf(invoice);
        var closed = new List<InvoiceBatch>();
        if (pending.TryGetValue(api, out var batch) && batch.Invoices.Count > 0 && batch.Bytes + size + 1 > MaxBodyBytes)
        {
            closed.Add(Close(api));
        }

        if (!pending.TryGetValue(api, out batch))
        {
            batch = pending[api] = new Pending();
        }

        batch.Invoices.Add(invoice);
        batch.Ids.Add(id);
        batch.Bytes += size + 1;
        if (batch.Invoices.Count == MaxInvoices)
        {
            closed.Add(Close(api));
        }

        return closed;
    }

    /// <summary>The batches still open, after the last invoice.</summary>
    public IReadOnlyList<InvoiceBatch> Flush() =>
        pending.Keys.ToList().Where(api => pending[api].Invoices.Count > 0).Select(Close).ToList();

    private InvoiceBatch Close(InvoiceApi api)
    {
        var batch = pending[api];
        pending.Remove(api);
        return new InvoiceBatch(api, batch.Invoices, batch.Ids);
    }

    private sealed class Pending
    {
        public List<object> Invoices { get; } = new();

        public List<string> Ids { get; } = new();

        public int Bytes { get; set; } = EnvelopeBytes;
    }
}
