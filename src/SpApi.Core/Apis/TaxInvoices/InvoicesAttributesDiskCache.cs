using System.Text.Json;
using SpApi.Core.Files;
using SpApi.Core.Json;
using SpApi.Core.Security;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>
/// A marketplace's attribute options kept on disk for a day, one file per endpoint, account and
/// marketplace, so that tab completion in a new session offers them without a call. A file is written
/// atomically; one that cannot be read (corrupt, from another version, unreadable) counts as missing
/// and is replaced by the next write. The files hold no secret, and their names only a hash of the key.
/// </summary>
public sealed class InvoicesAttributesDiskCache
{
    /// <summary>The environment variable that names the cache folder instead of the default.</summary>
    public const string PathVariable = "SPAPI_CACHE_PATH";

    /// <summary>How long a cached answer is used: attribute options change rarely, and a day bounds a stale one.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly TimeProvider time;

    /// <summary>A cache in the folder, aged by the clock.</summary>
    public InvoicesAttributesDiskCache(string folder, TimeProvider time)
    {
        Folder = string.IsNullOrWhiteSpace(folder) ? throw new ArgumentException("The cache folder is required.", nameof(folder)) : Path.GetFullPath(folder);
        this.time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The folder of the cache files.</summary>
    public string Folder { get; }

    /// <summary>The cache in SPAPI_CACHE_PATH, or else in the user's local application data (SpApi/cache).</summary>
    public static InvoicesAttributesDiskCache FromEnvironment(Func<string, string?> environment, TimeProvider time) =>
        new(LocalDataFolder.Resolve((environment ?? throw new ArgumentNullException(nameof(environment)))(PathVariable), "cache"), time);

    /// <summary>The cached options of the key, or null when there are none younger than <see cref="Lifetime"/> or the file cannot be read.</summary>
    public InvoicesAttributes? TryRead(InvoicesAttributesCacheKey key)
    {
        var path = PathOf(key);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllBytes(path), SpApiJson.Options);
            var age = time.GetUtcNow() - (entry?.FetchedAt ?? DateTimeOffset.MinValue);
            return entry?.InvoicesAttributes is { } attributes && age >= TimeSpan.Zero && age < Lifetime
                ? attributes
                : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Stores the options of the key, stamped now. Says whether it could: a cache that cannot be written is no failure of the caller.</summary>
    public bool TryWrite(InvoicesAttributesCacheKey key, InvoicesAttributes attributes)
    {
        if (attributes is null)
        {
            throw new ArgumentNullException(nameof(attributes));
        }

        var entry = new Entry { FetchedAt = time.GetUtcNow(), InvoicesAttributes = attributes };
        try
        {
            Directory.CreateDirectory(Folder);
            AtomicFile.WriteAllBytes(PathOf(key), JsonSerializer.SerializeToUtf8Bytes(entry, SpApiJson.Options));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>The file of a key: a hash, because the account key is derived from the refresh token.</summary>
    public string PathOf(InvoicesAttributesCacheKey key) =>
        Path.Combine(Folder, $"invoices-attributes-{Sha256Hex.Of($"{key.Endpoint}\n{key.Account}\n{key.MarketplaceId}", 16)}.json");

    // Whose options these are is in the file's name (PathOf), so the entry holds only when and what.
    private sealed class Entry
    {
        public DateTimeOffset FetchedAt { get; set; }

        public InvoicesAttributes? InvoicesAttributes { get; set; }
    }
}

/// <summary>Whose attribute options: the endpoint, the selling-partner account (a non-secret key) and the marketplace.</summary>
public readonly record struct InvoicesAttributesCacheKey(string Endpoint, string Account, string MarketplaceId);
