using System.Collections;
using System.Collections.Concurrent;
using System.Management.Automation;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Connection;
using SpApi.Core.Http;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>
/// The attribute options of each endpoint, account and marketplace: in memory for the process, and on
/// disk for a day (<see cref="InvoicesAttributesDiskCache"/>, SPAPI_CACHE_PATH) so that completion in a
/// new session has them at once. The Tax Invoices cmdlets fetch them once per process and refresh the
/// disk copy; completion reads memory, then disk, then fetches within <see cref="CompletionFetchTimeout"/>.
/// </summary>
internal static class InvoiceAttributeCache
{
    /// <summary>How long completion waits for Amazon: the user is waiting at the prompt.</summary>
    public static readonly TimeSpan CompletionFetchTimeout = TimeSpan.FromSeconds(3);

    private static readonly ConcurrentDictionary<InvoicesAttributesCacheKey, InvoicesAttributes> Memory = new();

    public static bool TryGet(SpApiClient client, string marketplaceId, out InvoicesAttributes attributes) =>
        Memory.TryGetValue(KeyOf(client, marketplaceId), out attributes!);

    /// <summary>Keeps freshly fetched options in memory and on disk, and returns them.</summary>
    public static InvoicesAttributes Remember(SpApiClient client, string marketplaceId, InvoicesAttributes attributes)
    {
        var key = KeyOf(client, marketplaceId);
        Memory[key] = attributes;
        Disk().TryWrite(key, attributes);
        return attributes;
    }

    /// <summary>
    /// The options to complete from. With a connection (the command line's -Connection or the default) and a
    /// marketplace (-MarketplaceId or the connection's), that marketplace's, fetched if need be; otherwise those
    /// of every marketplace this process has seen. Never throws: completion offers nothing rather than fail.
    /// </summary>
    public static IEnumerable<AttributeOption> ForCompletion(IDictionary boundParameters, Func<InvoicesAttributes, IEnumerable<AttributeOption>> pick)
    {
        var connection = Unwrap(boundParameters["Connection"]) as SpApiConnection ?? SpApiSession.CurrentForCompletion();
        var marketplace = Unwrap(boundParameters["MarketplaceId"]) as string ?? connection?.MarketplaceId;
        if (connection is { IsClosed: false } && !string.IsNullOrWhiteSpace(marketplace))
        {
            return Load(connection.Client, marketplace!) is { } attributes ? pick(attributes) : Enumerable.Empty<AttributeOption>();
        }

        return Memory.Where(p => marketplace is null || p.Key.MarketplaceId == marketplace).SelectMany(p => pick(p.Value))
            .GroupBy(o => o.Value).Select(g => g.First());
    }

    private static InvoicesAttributes? Load(SpApiClient client, string marketplaceId)
    {
        var key = KeyOf(client, marketplaceId);
        if (Memory.TryGetValue(key, out var known))
        {
            return known;
        }

        // Not kept in memory: the cmdlets' checks use only what was fetched in this process.
        if (Disk().TryRead(key) is { } cached)
        {
            return cached;
        }

        try
        {
            // The normal send path (rate limit, retries, errors), bounded by the timeout; on a worker, so the
            // prompt's thread never waits on a continuation of its own.
            using var timeout = new CancellationTokenSource(CompletionFetchTimeout);
            var api = new TaxInvoicesApi(client);
            var fetched = Task.Run(() => api.GetInvoicesAttributesAsync(marketplaceId, timeout.Token), timeout.Token).GetAwaiter().GetResult();
            return Remember(client, marketplaceId, fetched);
        }
        catch (Exception ex) when (ex is SpApiException or OperationCanceledException or ArgumentException or InvalidOperationException or ObjectDisposedException)
        {
            // Not connected to a Tax Invoices account, a refused marketplace, too slow: nothing to offer.
            return null;
        }
    }

    // The command line's values may come wrapped, as a variable's value does.
    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static InvoicesAttributesCacheKey KeyOf(SpApiClient client, string marketplaceId) =>
        new(client.Options.Endpoint.AbsoluteUri, client.Options.Credentials.AccountKey, marketplaceId);

    private static InvoicesAttributesDiskCache Disk() => InvoicesAttributesDiskCache.FromEnvironment(Environment.GetEnvironmentVariable, TimeProvider.System);
}
