using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SpApi.Tests.Support;

namespace SpApi.Tests.Core;

/// <summary>The models in tests/Models are the official files, byte for byte: each has the SHA-256 its README lists.</summary>
public sealed class ModelCopyTests
{
    [Fact]
    public void EveryModelCopyIsUnchanged()
    {
        var listed = Regex.Matches(File.ReadAllText(Path.Combine(Repository.ModelsFolder, "README.md")), @"^(?<hash>[0-9a-f]{64})  (?<file>\S+\.json)$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups["file"].Value, m => m.Groups["hash"].Value);
        var files = Directory.GetFiles(Repository.ModelsFolder, "*.json").Select(Path.GetFileName).ToList();

        Assert.Equal(listed.Keys.OrderBy(f => f, StringComparer.Ordinal), files.OrderBy(f => f, StringComparer.Ordinal));
        foreach (var (file, hash) in listed)
        {
            Assert.Equal(hash, Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(Repository.ModelsFolder, file)))).ToLowerInvariant());
        }
    }
}
