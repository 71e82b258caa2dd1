using SpApi.Core.Apis.TaxInvoices;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>What the Tax Invoices cmdlets share: the API and the session's cache of attribute options.</summary>
public abstract class TaxInvoiceCmdlet : ConnectedCmdlet
{
    /// <summary>
    /// The Tax Invoices API over the connection in use. Resolving it may stop the command (no connection),
    /// so read it on the pipeline thread, before RunCore.
    /// </summary>
    private protected TaxInvoicesApi Api => new(Client);

    /// <summary>
    /// The marketplace's attribute options, fetched once per process, account and marketplace (the disk copy
    /// serves completion only: a check before a call uses what Amazon says today).
    /// </summary>
    private protected InvoicesAttributes Attributes(string marketplaceId)
    {
        // Resolved first, so every Tax Invoices cmdlet needs a connection, even when the answer is cached.
        var api = Api;
        if (InvoiceAttributeCache.TryGet(api.Client, marketplaceId, out var cached))
        {
            return cached;
        }

        var fetched = RunCore((_, ct) => api.GetInvoicesAttributesAsync(marketplaceId, ct));
        return InvoiceAttributeCache.Remember(api.Client, marketplaceId, fetched);
    }
}
