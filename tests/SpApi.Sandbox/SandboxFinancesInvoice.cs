namespace SpApi.Sandbox;

/// <summary>The invoices the Finances Invoices endpoints serve, and the clock their statuses move by.</summary>
public sealed class SandboxFinancesInvoices
{
    /// <summary>The marketplace the seeded invoices belong to (the US, as in the model's examples).</summary>
    public const string Marketplace = "ATVPDKIKX0DER";

    /// <summary>The seeded invoice whose amounts test exact decimals: lines of 0.1, 0.2 and 12345678901234.5678.</summary>
    public const string PrecisionInvoiceNumber = "INV-PRECISION";

    /// <summary>The seeded invoice with more lines than one page of 600 holds.</summary>
    public const string LongInvoiceNumber = "INV-LONG";

    /// <summary>The payee code of every seeded invoice.</summary>
    public const string PayeeCode = "SBXVC";

    /// <summary>What statuses and "now" are read from; a test may share a fake clock to watch invoices settle.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How far the invoices' time runs ahead of <see cref="Clock"/>: POST /_sandbox/finances/advance?days=N moves it, so a script can see invoices settle without waiting.</summary>
    public TimeSpan Ahead { get; set; }

    /// <summary>The invoices' now.</summary>
    public DateTimeOffset Now => Clock.GetUtcNow() + Ahead;

    /// <summary>The invoices as they are now; submissions add to them while requests read them.</summary>
    internal List<SandboxFinancesInvoice> Snapshot()
    {
        lock (Invoices)
        {
            return Invoices.ToList();
        }
    }

    /// <summary>
    /// The invoices: by default 250 issued one every 12 hours before the sandbox started (125 days, so a
    /// 120-day range needs two windows), plus the precision and long invoices.
    /// </summary>
    public List<SandboxFinancesInvoice> Invoices { get; } = SandboxFinancesInvoice.Generate(DateTimeOffset.UtcNow, 250, TimeSpan.FromHours(12));
}

/// <summary>One line of a sandbox invoice; <paramref name="ShortBy"/> units of it are not paid when the invoice ends PARTIALLY_PAID.</summary>
public sealed record SandboxInvoiceLine(string LineItemId, string Asin, decimal UnitCost, int Quantity, int ShortBy = 0)
{
    /// <summary>Unit cost times quantity.</summary>
    public decimal Total => UnitCost * Quantity;
}

/// <summary>Where an invoice stands from <paramref name="At"/> on: its status and the amounts paid and queued for payment.</summary>
public sealed record SandboxStatusStep(DateTimeOffset At, string Status, decimal Paid, decimal Queued);

/// <summary>An invoice as Amazon records it, with the steps its status goes through as time passes.</summary>
public sealed record SandboxFinancesInvoice(
    string InvoiceNumber,
    string MarketplaceId,
    DateTimeOffset IssueDate,
    IReadOnlyList<SandboxInvoiceLine> Lines,
    IReadOnlyList<SandboxStatusStep> Timeline,
    decimal? Amount = null,
    string CurrencyCode = "USD")
{
    /// <summary>InvoiceNumber~PayeeCode, as for AP-Inventory invoices.</summary>
    public string Identifier => InvoiceNumber + "~" + SandboxFinancesInvoices.PayeeCode;

    /// <summary>The invoice's total: as submitted (charges and taxes included) for a fed invoice, else the sum of the lines.</summary>
    public decimal Total => Amount ?? Lines.Sum(l => l.Total);

    /// <summary>The step in force at <paramref name="now"/>: the last that has begun.</summary>
    public SandboxStatusStep StepAt(DateTimeOffset now) => Timeline.LastOrDefault(s => s.At <= now) ?? Timeline[0];

    /// <summary>
    /// The seeded invoices, newest first: invoice i is issued (i + 1) spacings before <paramref name="now"/>,
    /// is queued for payment two days later and settles 10 to 16 days after issue, PAID, PARTIALLY_PAID
    /// (one unit short on its last line), REJECTED or PAID again in turn. The newest are still IN_PROGRESS.
    /// </summary>
    public static List<SandboxFinancesInvoice> Generate(DateTimeOffset now, int count, TimeSpan spacing)
    {
        var invoices = Enumerable.Range(0, count).Select(i =>
        {
            var lines = Enumerable.Range(1, 1 + (i % 3))
                .Select(n => new SandboxInvoiceLine($"LI-{n:D4}", $"B0SBX{i:D5}", 10.25m + (i % 7) + (n * 0.01m), 1 + ((i + n) % 5)))
                .ToList();
            return Settling($"INV-{i:D5}", now - ((i + 1) * spacing), lines, i);
        }).ToList();
        invoices.Add(Settling(SandboxFinancesInvoices.PrecisionInvoiceNumber, now - TimeSpan.FromDays(30), new[]
        {
            new SandboxInvoiceLine("LI-0001", "B0SBXPREC1", 0.1m, 1),
            new SandboxInvoiceLine("LI-0002", "B0SBXPREC2", 0.2m, 1),
            new SandboxInvoiceLine("LI-0003", "B0SBXPREC3", 12345678901234.5678m, 1),
        }, 0));
        invoices.Add(Settling(SandboxFinancesInvoices.LongInvoiceNumber, now - TimeSpan.FromDays(20), Enumerable.Range(1, 1250)
            .Select(n => new SandboxInvoiceLine($"LI-{n:D4}", $"B0SBXL{n:D4}", 1.01m, 1 + (n % 3)))
            .ToList(), 1));
        return invoices;
    }

    /// <summary>An invoice that goes IN_PROGRESS, queued two days later, then its outcome by <paramref name="kind"/> (0 PAID, 1 PARTIALLY_PAID, 2 REJECTED, 3 PAID).</summary>
    public static SandboxFinancesInvoice Settling(string invoiceNumber, DateTimeOffset issueDate, IReadOnlyList<SandboxInvoiceLine> lines, int kind, decimal? amount = null, string currencyCode = "USD")
    {
        if (kind % 4 == 1)
        {
            var last = lines[lines.Count - 1];
            lines = lines.Take(lines.Count - 1).Append(last with { ShortBy = 1 }).ToList();
        }

        var total = amount ?? lines.Sum(l => l.Total);
        var settled = issueDate + TimeSpan.FromDays(10 + (kind % 7));
        var outcome = (kind % 4) switch
        {
            1 => new SandboxStatusStep(settled, "PARTIALLY_PAID", total - lines.Sum(l => l.UnitCost * l.ShortBy), 0),
            2 => new SandboxStatusStep(settled, "REJECTED", 0, 0),
            _ => new SandboxStatusStep(settled, "PAID", total, 0),
        };
        return new SandboxFinancesInvoice(invoiceNumber, SandboxFinancesInvoices.Marketplace, issueDate, lines, new[]
        {
            new SandboxStatusStep(issueDate, "IN_PROGRESS", 0, 0),
            new SandboxStatusStep(issueDate + TimeSpan.FromDays(2), "IN_PROGRESS", 0, total),
            outcome,
        }, amount, currencyCode);
    }
}
