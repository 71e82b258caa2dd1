using System.Globalization;

namespace SpApi.Sandbox;

/// <summary>
/// The invoice submissions accepted so far, and the invoice ids each API has seen, so that an invoice
/// submitted again fails as a duplicate. Thread-safe.
/// </summary>
public sealed class SandboxTransactions
{
    private readonly object gate = new();
    private readonly SandboxCounters counters;
    private readonly List<SandboxTransaction> accepted = new();
    private readonly Dictionary<string, SandboxTransaction> byId = new(StringComparer.Ordinal);

    // Per API and invoice id: the transaction that first accepted the invoice, and how many accepted it.
    private readonly Dictionary<(SubmissionApi Api, string InvoiceId), (string FirstTransactionId, int Acceptances)> invoices = new();

    internal SandboxTransactions(SandboxCounters counters) => this.counters = counters;

    /// <summary>Every accepted transaction, oldest first.</summary>
    public IReadOnlyList<SandboxTransaction> All
    {
        get
        {
            lock (gate)
            {
                return accepted.ToList();
            }
        }
    }

    /// <summary>
    /// Records an accepted submission. Its outcome is fixed now: the invoices' own check errors, plus a
    /// DUPLICATE_INVOICE error for every invoice id an earlier transaction of the same API accepted.
    /// </summary>
    internal SandboxTransaction Add(SubmissionApi api, IReadOnlyList<string> invoiceIds, IEnumerable<SandboxError> checkErrors)
    {
        // The shape of the ids in the models' examples: a UTC timestamp and a GUID.
        var transactionId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid();
        var errors = checkErrors.ToList();
        lock (gate)
        {
            // An id listed twice in one submission is one acceptance: the duplicate check is about earlier transactions.
            foreach (var invoiceId in invoiceIds.Distinct(StringComparer.Ordinal))
            {
                var key = (api, invoiceId);
                if (invoices.TryGetValue(key, out var seen))
                {
                    errors.Add(new SandboxError("DUPLICATE_INVOICE", $"Invoice {invoiceId} was already submitted in transaction {seen.FirstTransactionId}."));
                    if (seen.Acceptances == 1)
                    {
                        counters.DuplicateInvoice();
                    }

                    invoices[key] = (seen.FirstTransactionId, seen.Acceptances + 1);
                }
                else
                {
                    invoices[key] = (transactionId, 1);
                }
            }

            var transaction = new SandboxTransaction(transactionId, api, invoiceIds, errors);
            accepted.Add(transaction);
            byId[transactionId] = transaction;
            counters.InvoicesAccepted(invoiceIds.Count);
            return transaction;
        }
    }

    internal SandboxTransaction? Find(string transactionId)
    {
        lock (gate)
        {
            return byId.TryGetValue(transactionId, out var transaction) ? transaction : null;
        }
    }

    internal void Clear()
    {
        lock (gate)
        {
            accepted.Clear();
            byId.Clear();
            invoices.Clear();
        }
    }
}
