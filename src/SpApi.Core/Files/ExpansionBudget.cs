using System.IO.Compression;

namespace SpApi.Core.Files;

/// <summary>
/// Holds one zip to its <see cref="ZipLimits"/>: the entries' claimed sizes are checked when it is made, before
/// anything is inflated, and <see cref="CopyAsync"/> counts the bytes as they inflate and stops an entry that
/// expands past its claim (a header that lies), so the limits hold for the bytes written, not only for the headers.
/// </summary>
internal sealed class ExpansionBudget
{
    private readonly ZipLimits limits;
    private readonly string subject;

    public ExpansionBudget(ZipLimits limits, string subject, IReadOnlyCollection<ZipArchiveEntry> entries)
    {
        this.limits = limits;
        this.subject = subject;
        if (entries.Count > limits.MaxEntries)
        {
            throw Exceeded(nameof(ZipLimits.MaxEntries), limits.MaxEntries, entries.Count, null, $"has {entries.Count:N0} entries, more than the {limits.MaxEntries:N0} allowed");
        }

        long claimed = 0;
        foreach (var entry in entries)
        {
            claimed += entry.Length;
            if (claimed > limits.MaxTotalBytes)
            {
                throw Exceeded(nameof(ZipLimits.MaxTotalBytes), limits.MaxTotalBytes, claimed, null, $"would expand to more than {limits.MaxTotalBytes:N0} bytes (at least {claimed:N0})");
            }

            CheckRatio(entry);
        }
    }

    /// <summary>Inflates the entry into <paramref name="destination"/>, no further than its claimed size.</summary>
    public async Task CopyAsync(ZipArchiveEntry entry, Stream destination, CancellationToken cancellationToken)
    {
        using var source = Open(entry);
        await source.CopyToAsync(destination, 81920, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inflates the entry to its end, no further than its claimed size, keeping nothing: the inflater and the CRC see every byte.</summary>
    public void ReadToEnd(ZipArchiveEntry entry)
    {
        using var source = Open(entry);
        source.CopyTo(Stream.Null);
    }

    // .NET 8 and later stop inflating at the claim themselves; the inflater of .NET Framework does not.
    private LimitedReadStream Open(ZipArchiveEntry entry) => new(
        entry.Open(),
        entry.Length,
        () => new CorruptZipException($"the entry '{entry.FullName}' of the {subject} expands past the {entry.Length:N0} bytes its header claims"));

    private void CheckRatio(ZipArchiveEntry entry)
    {
        var expanded = entry.Length;
        if (expanded <= limits.RatioAppliesAbove || expanded <= entry.CompressedLength * limits.MaxRatio)
        {
            return;
        }

        var ratio = expanded / Math.Max(entry.CompressedLength, 1);
        throw Exceeded(
            nameof(ZipLimits.MaxRatio),
            limits.MaxRatio,
            ratio,
            entry.FullName,
            $"has an entry '{entry.FullName}' that expands {ratio:N0}:1 ({entry.CompressedLength:N0} bytes to {expanded:N0}), more than the {limits.MaxRatio}:1 allowed for an entry over {limits.RatioAppliesAbove:N0} bytes");
    }

    private ZipLimitExceededException Exceeded(string limit, long limitValue, long value, string? entry, string what) =>
        new($"The {subject} {what}: refused as a zip bomb (limit {limit} = {limitValue:N0}); nothing of it was extracted.", limit, limitValue, value, entry);
}
