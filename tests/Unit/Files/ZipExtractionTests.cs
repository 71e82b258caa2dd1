using System.IO.Compression;
using System.Text;
using SpApi.Core.Files;

namespace SpApi.Tests.Files;

/// <summary>
/// Issue 14, item 2: zip extraction is bounded (total size, entries, ratio; headers checked and bytes counted),
/// all or nothing (a staging folder, moved into place at the end), and refuses entries that would collide or whose
/// names no file system takes, before anything is out. The zips are built in the test.
/// </summary>
public sealed class ZipExtractionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-zip-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Target => Path.Combine(folder, "target");

    [Fact]
    public async Task AZipClaimingMoreThanTheTotalLimitIsRefusedBeforeAnythingIsExtracted()
    {
        var zip = Build(("a.xml", Bytes(600)), ("b.xml", Bytes(600)), ("c.xml", Bytes(600)));
        var limits = new ZipLimits { MaxTotalBytes = 1000 };

        var error = await Assert.ThrowsAsync<ZipLimitExceededException>(() => ZipExtraction.ExtractAsync(zip, Target, CancellationToken.None, limits, "invoice document DOC1"));

        Assert.Equal(nameof(ZipLimits.MaxTotalBytes), error.Limit);
        Assert.Equal(1000, error.LimitValue);
        Assert.Equal(1200, error.Value);
        Assert.Contains("invoice document DOC1", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxTotalBytes", error.Message, StringComparison.Ordinal);
        Assert.Throws<ZipLimitExceededException>(() => ZipExtraction.Verify(zip, limits));
        AssertNothingExtracted();
    }

    [Fact]
    public async Task AZipWithMoreEntriesThanTheLimitIsRefused()
    {
        var zip = Build(Enumerable.Range(1, 4).Select(i => ($"{i}.xml", Bytes(10))).ToArray());
        var limits = new ZipLimits { MaxEntries = 3 };

        var error = await Assert.ThrowsAsync<ZipLimitExceededException>(() => ZipExtraction.ExtractAsync(zip, Target, CancellationToken.None, limits));

        Assert.Equal(nameof(ZipLimits.MaxEntries), error.Limit);
        Assert.Equal(4, error.Value);
        AssertNothingExtracted();
    }

    [Fact]
    public async Task ABigEntryThatExpandsPastTheDefaultRatioIsRefusedNamingIt()
    {
        // 8 MiB of zeros deflate about 1000:1: past 200:1, and over the 1 MiB from which the ratio counts.
        var zip = Build(("a.xml", Bytes(100)), ("zeros.xml", new byte[8 * 1024 * 1024]));

        var error = await Assert.ThrowsAsync<ZipLimitExceededException>(() => ZipExtraction.ExtractAsync(zip, Target, CancellationToken.None));

        Assert.Equal(nameof(ZipLimits.MaxRatio), error.Limit);
        Assert.Equal(ZipLimits.DefaultMaxRatio, error.LimitValue);
        Assert.True(error.Value > ZipLimits.DefaultMaxRatio);
        Assert.Equal("zeros.xml", error.Entry);
        Assert.Contains("'zeros.xml'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ZipLimitExceededException>(() => ZipExtraction.Verify(zip));
        AssertNothingExtracted();
    }

    [Fact]
    public async Task ASmallEntryOfHighRatioIsNotRefused()
    {
        var zip = Build(("zeros.xml", new byte[512 * 1024]));

        var files = await ZipExtraction.ExtractAsync(zip, Target, CancellationToken.None);

        Assert.Equal(512 * 1024, new FileInfo(Assert.Single(files)).Length);
    }

    [Fact]
    public async Task AnEntryIsNeverInflatedPastWhatItsHeaderClaims()
    {
        // The header says 100 bytes; the data inflates to 2 MiB, so the claim passes every limit. .NET 8 and later
        // stop inflating at the claim themselves; on .NET Framework the budget's count refuses it (CorruptZipException).
        var zip = Build(("a.xml", Bytes(100)), ("liar.xml", Bytes(2 * 1024 * 1024)));
        ClaimUncompressedSize(zip, "liar.xml", 100);

        var files = await ZipExtraction.ExtractAsync(zip, Target, CancellationToken.None);

        Assert.Equal(100, new FileInfo(Path.Combine(Target, "liar.xml")).Length);
        Assert.Equal(2, files.Count);
    }

    [Fact]
    public async Task AnEntryNameOf300CharactersIsRefusedBeforeAnythingIsExtracted()
    {
        var name = new string('n', 296) + ".xml";
        var zip = Build(("a.xml", Bytes(10)), ("b.xml", Bytes(10)), ("c.xml", Bytes(10)), (name, Bytes(10)));

        var error = await Assert.ThrowsAsync<InvalidZipEntryException>(() => ZipExtraction.ExtractAsync(zip, Target, CancellationToken.None, subject: "invoice document DOC1"));

        Assert.Equal(name, error.Entry);
        Assert.Contains("invoice document DOC1", error.Message, StringComparison.Ordinal);
        Assert.Contains("300 characters", error.Message, StringComparison.Ordinal);
        AssertNothingExtracted();
    }

    [Theory]
    [InlineData("a.xml", "a.xml")]
    [InlineData("a.xml", "A.XML")]
    [InlineData("dir/a.xml", "DIR\\a.xml")]
    public async Task TwoEntriesForTheSameFileAreRefusedNamingThem(string first, string second)
    {
        var zip = Build(("z.xml", Bytes(10)), (first, Encoding.UTF8.GetBytes("first")), (second, Encoding.UTF8.GetBytes("second")));

        var error = await Assert.ThrowsAsync<InvalidZipEntryException>(() => ZipExtraction.ExtractAsync(zip, Target, CancellationToken.None));

        Assert.Equal(second, error.Entry);
        Assert.Contains($"'{first}' and '{second}'", error.Message, StringComparison.Ordinal);
        AssertNothingExtracted();
    }

    [Fact]
    public async Task AnEntryThatFailsWhileInflatingLeavesNothingOfTheZip()
    {
        var zip = Build(("a.xml", Bytes(5000)), ("b.xml", Bytes(5000)), ("c.xml", Bytes(5000)), ("damaged.xml", Bytes(5000)));
        Damage(zip, "damaged.xml");

        await Assert.ThrowsAnyAsync<Exception>(() => ZipExtraction.ExtractAsync(zip, Target, CancellationToken.None));

        AssertNothingExtracted();
    }

    [Fact]
    public async Task AWholeZipIsExtractedWithItsFoldersAndNoStagingLeft()
    {
        var zip = Build(("a.xml", Bytes(10)), ("sub/b.xml", Bytes(20)));

        var files = await ZipExtraction.ExtractAsync(zip, Target, CancellationToken.None);

        Assert.Equal(new[] { Path.Combine(Target, "a.xml"), Path.Combine(Target, "sub", "b.xml") }, files);
        Assert.Equal(20, new FileInfo(Path.Combine(Target, "sub", "b.xml")).Length);
        Assert.Equal(new[] { "a.xml", "sub" }, Directory.GetFileSystemEntries(Target).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void TheDefaultsAreDocumented()
    {
        Assert.Equal(4L * 1024 * 1024 * 1024, ZipLimits.Default.MaxTotalBytes);
        Assert.Equal(100_000, ZipLimits.Default.MaxEntries);
        Assert.Equal(200, ZipLimits.Default.MaxRatio);
        Assert.Equal(1024 * 1024, ZipLimits.Default.RatioAppliesAbove);
    }

    // Nothing in the target folder: no file of the zip, no staging folder.
    private void AssertNothingExtracted() =>
        Assert.False(Directory.Exists(Target) && Directory.EnumerateFileSystemEntries(Target).Any(), "the target folder is not empty");

    private string Build(params (string Name, byte[] Content)[] entries)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            stream.Write(content);
        }

        return path;
    }

    // Text that compresses like XML: well under the ratio limit.
    private static byte[] Bytes(int count)
    {
        var random = new Random(count);
        return Enumerable.Range(0, count).Select(_ => (byte)('a' + random.Next(26))).ToArray();
    }

    // Rewrites the uncompressed size an entry's local header and central directory record claim.
    private static void ClaimUncompressedSize(string zip, string entry, uint size)
    {
        var bytes = File.ReadAllBytes(zip);
        var name = Encoding.UTF8.GetBytes(entry);
        foreach (var (signature, sizeOffset, nameOffset) in new[] { (0x04034b50u, 22, 30), (0x02014b50u, 24, 46) })
        {
            for (var i = 0; i + nameOffset + name.Length <= bytes.Length; i++)
            {
                if (BitConverter.ToUInt32(bytes, i) == signature && bytes.AsSpan(i + nameOffset, name.Length).SequenceEqual(name))
                {
                    BitConverter.GetBytes(size).CopyTo(bytes, i + sizeOffset);
                }
            }
        }

        File.WriteAllBytes(zip, bytes);
    }

    // Flips bytes in the middle of an entry's compressed data, so inflating it fails its CRC (or the inflater).
    private static void Damage(string zip, string entry)
    {
        var bytes = File.ReadAllBytes(zip);
        var name = Encoding.UTF8.GetBytes(entry);
        for (var i = 0; i + 30 + name.Length <= bytes.Length; i++)
        {
            if (BitConverter.ToUInt32(bytes, i) == 0x04034b50u && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                var data = i + 30 + name.Length + BitConverter.ToUInt16(bytes, i + 28);
                for (var j = data + 100; j < data + 200; j++)
                {
                    bytes[j] ^= 0x5a;
                }
            }
        }

        File.WriteAllBytes(zip, bytes);
    }
}
