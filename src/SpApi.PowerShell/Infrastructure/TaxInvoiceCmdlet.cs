using System.Collections.Concurrent;
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

    /// <summary>The marketplace's attribute options, fetched once per session and marketplace.</summary>
    private protected InvoicesAttributes Attributes(string marketplaceId)
    {
        // Resolved first, so every Tax Invoices cmdlet needs a connection, even when the answer is cached.
        var api = Api;
        if (InvoiceAttributeCache.TryGet(marketplaceId, out var cached))
        {
            return cached;
        }

        var fetched = RunCore((_, ct) => api.GetInvoicesAttributesAsync(marketplaceId, ct));
        InvoiceAttributeCache.Set(marketplaceId, fetched);
        return fetched;
    }
}

/// <summary>The attribute options fetched in this session, by marketplace; the argument completers read them too.</summary>
internal static class InvoiceAttributeCache
{
    private static readonly ConcurrentDictionary<string, InvoicesAttributes> Cache = new(StringComparer.Ordinal);

    public static bool TryGet(string marketplaceId, out InvoicesAttributes attributes) => Cache.TryGetValue(marketplaceId, out attributes!);

    public static void Set(string marketplaceId, InvoicesAttributes attributes) => Cache[marketplaceId] = attributes;

    /// <summary>The options of every marketplace seen, or of the one the command line names.</summary>
    public static IEnumerable<AttributeOption> Options(System.Collections.IDictionary boundParameters, Func<InvoicesAttributes, IEnumerable<AttributeOption>> pick)
    {
        var marketplace = boundParameters["MarketplaceId"] as string;
        return Cache.Where(p => marketplace is null || p.Key == marketplace).SelectMany(p => pick(p.Value))
            .GroupBy(o => o.Value).Select(g => g.First());
    }
}
