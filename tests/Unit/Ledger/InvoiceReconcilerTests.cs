using SpApi.Core.Apis;
using SpApi.Core.Apis.FinancesInvoices;
using SpApi.Core.Invoicing;
using SpApi.Core.Ledger;
using SpApi.Sandbox;
using SpApi.Tests.Support;
using SpApi.Tests.VendorInvoices;

namespace SpApi.Tests.Ledger;

/// <summary>The closed loop against the sandbox: submit, Amazon records the invoices, they settle, the reconciliation joins it all.</summary>
public sealed class InvoiceReconcilerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-reconcile-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task SubmittedInvoicesAreFollowedToAmazonsStatusAndPaidAmount()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = sandbox.Client();
        var ledger = new SubmissionLedger(Path.Combine(folder, "ledger.jsonl"), TimeProvider.System);
        var invoicing = new VendorInvoicingApi(client);
        var result = await SubmitExampleAsync(ledger, invoicing);
        var query = new ReconciliationQuery { MarketplaceId = SandboxFinancesInvoices.Marketplace, SubmittedAfter = DateTimeOffset.UtcNow.AddDays(-1) };

        // Three days on, nothing settled yet: the transaction is still Processing (stale), Amazon's records IN_PROGRESS.
        var early = new FakeTimeProvider();
        early.Advance(DateTimeOffset.UtcNow.AddDays(3) - early.GetUtcNow());
        var first = await ReconcileAsync(ledger, invoicing, new FinancesInvoicesApi(client), query, early);

        sandbox.State.Options.FinancesInvoices.Ahead = TimeSpan.FromDays(20);
        var settled = await ReconcileAsync(ledger, invoicing, new FinancesInvoicesApi(client), query, TimeProvider.System);

        Assert.Equal(new[] { "INV-1001", "INV-1002", "INV-1003", "INV-GHOST" }, first.Select(r => r.InvoiceId));
        Assert.All(first.Take(3), r => Assert.Equal(("Processing", true, "IN_PROGRESS"), (r.TransactionStatus, r.Stale, r.AmazonStatus)));
        Assert.True(first[3].UnknownToAmazon);
        Assert.Null(first[3].AmazonStatus);

        Assert.Equal(new[] { "PAID", "PARTIALLY_PAID", "REJECTED", null }, settled.Select(r => r.AmazonStatus));
        Assert.All(settled, r => Assert.Equal(("Success", false, result.TransactionId), (r.TransactionStatus, r.Stale, r.TransactionId)));
        var paid = settled[0];
        Assert.Equal(paid.InvoiceAmount, paid.AmountPaid);
        Assert.StartsWith(paid.InvoiceAmount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ", paid.SubmittedTotal);
        var partly = settled[1];
        Assert.True(partly.AmountPaid < partly.InvoiceAmount);
        Assert.Contains(partly.Variances, v => v.StartsWith("QuantityVarianceAmount", StringComparison.Ordinal));
        Assert.Contains(partly.Variances, v => v.Contains("PQV (SHORTAGE)"));
        Assert.Null(settled[2].AmountPaid);
        Assert.Contains(settled[2].Variances, v => v.Contains("INVOICE_REJECTED"));
        // The status read is written back: the ledger now knows the transaction succeeded.
        Assert.Equal(LedgerEvent.Success, ledger.Latest()[("Vendor", "INV-1001")].Event);
        Assert.Equal(0, sandbox.Counters.DuplicateInvoiceSubmissions);
    }

    private static async Task<VendorInvoiceSubmission> SubmitExampleAsync(SubmissionLedger ledger, VendorInvoicingApi invoicing)
    {
        var stream = new InvoiceStream(InvoiceApi.Vendor, applyRules: true);
        var results = CsvRows.Read(CsvRows.ExampleFile).SelectMany(stream.Add).ToList();
        results.AddRange(stream.Complete());
        var batcher = new InvoiceBatcher();
        var batches = results.SelectMany(batcher.Add).ToList();
        batches.AddRange(batcher.Flush());
        var batch = Assert.Single(batches);
        var result = (await new LedgeredSubmission(ledger, new InvoiceSubmission(invoicing, TimeProvider.System), force: false).SendAsync(batch, CancellationToken.None))!;
        // An invoice the ledger says went in the same transaction but Amazon never recorded.
        ledger.Update(_ => new[] { new LedgerRecord { Api = "Vendor", InvoiceId = "INV-GHOST", ContentHash = "0", Event = LedgerEvent.Accepted, TransactionId = result.TransactionId } });
        return result;
    }

    private static Task<List<VendorInvoiceReconciliation>> ReconcileAsync(SubmissionLedger ledger, VendorInvoicingApi invoicing, FinancesInvoicesApi finances, ReconciliationQuery query, TimeProvider time) =>
        InvoiceReconciler.ReconcileAsync(ledger, invoicing, finances, query, time, CancellationToken.None).ToListAsync();
}
