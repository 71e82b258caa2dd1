namespace SpApi.Core.Files;

/// <summary>
/// How far a zip may expand before it is refused as a zip bomb. Every limit is checked twice: against what the
/// entries' headers claim, before anything is inflated, and against the bytes counted while inflating, because a
/// header can lie. The defaults sit far above any real export (XML invoices, which compress about 10:1).
/// </summary>
public sealed class ZipLimits
{
    /// <summary>The default <see cref="MaxTotalBytes"/>: 4 GiB.</summary>
    public const long DefaultMaxTotalBytes = 4L * 1024 * 1024 * 1024;

    /// <summary>The default <see cref="MaxEntries"/>: 100,000.</summary>
    public const int DefaultMaxEntries = 100_000;

    /// <summary>The default <see cref="MaxRatio"/>: 200 expanded bytes for each compressed byte.</summary>
    public const int DefaultMaxRatio = 200;

    /// <summary>The default <see cref="RatioAppliesAbove"/>: 1 MiB, so small, very regular entries are not refused.</summary>
    public const long DefaultRatioAppliesAbove = 1024 * 1024;

    /// <summary>The defaults.</summary>
    public static ZipLimits Default { get; } = new();

    /// <summary>The most bytes all entries together may expand to.</summary>
    public long MaxTotalBytes { get; init; } = DefaultMaxTotalBytes;

    /// <summary>The most entries (files and folders) a zip may have.</summary>
    public int MaxEntries { get; init; } = DefaultMaxEntries;

    /// <summary>The highest ratio of expanded to compressed size an entry may have, once it is larger than <see cref="RatioAppliesAbove"/>.</summary>
    public int MaxRatio { get; init; } = DefaultMaxRatio;

    /// <summary>The expanded size above which <see cref="MaxRatio"/> applies to an entry.</summary>
    public long RatioAppliesAbove { get; init; } = DefaultRatioAppliesAbove;
}

/// <summary>
/// A zip would expand past one of its <see cref="ZipLimits"/> (a zip bomb); nothing of it was extracted. Not a
/// corrupt download: fetching it again would bring the same zip, so it is not retried.
/// </summary>
public sealed class ZipLimitExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ZipLimitExceededException(string message, string limit, long limitValue, long value, string? entry)
        : base(message)
    {
        Limit = limit;
        LimitValue = limitValue;
        Value = value;
        Entry = entry;
    }

    /// <summary>The limit that was hit: the name of a <see cref="ZipLimits"/> property.</summary>
    public string Limit { get; }

    /// <summary>The limit's value.</summary>
    public long LimitValue { get; }

    /// <summary>The value that passed it (bytes, entries, or a ratio).</summary>
    public long Value { get; }

    /// <summary>The entry that passed it, or null when the zip as a whole did.</summary>
    public string? Entry { get; }
}

/// <summary>
/// A zip entry cannot be extracted as it is named: two entries land on the same file (names compared in any case,
/// as on Windows and macOS), or a name is too long for the file system. Nothing of the zip was extracted.
/// </summary>
public sealed class InvalidZipEntryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidZipEntryException(string message, string entry, Exception? inner = null)
        : base(message, inner)
    {
        Entry = entry;
    }

    /// <summary>The entry's name in the zip.</summary>
    public string Entry { get; }
}
