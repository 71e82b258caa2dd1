using SpApi.Core.Apis.TaxInvoices;
using SpApi.Tests.Support;

namespace SpApi.Tests.TaxInvoices;

/// <summary>The disk cache that lets tab completion offer attribute options in a new session without a call.</summary>
public sealed class InvoicesAttributesDiskCacheTests : IDisposable
{
    private static readonly InvoicesAttributesCacheKey Key = new("https://sellingpartnerapi-na.amazon.com/", "client|rt:ABCDEF", "A2Q3Y263D00KWC");

    private readonly string folder = Directory.CreateTempSubdirectory("spapi-cache-").FullName;
    private readonly FakeTimeProvider clock = new();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void WhatIsWrittenIsReadBackWithItsDescriptions()
    {
        var cache = new InvoicesAttributesDiskCache(folder, clock);

        Assert.True(cache.TryWrite(Key, Attributes("AUTHORIZED", "Authorized by the tax authority")));
        var read = cache.TryRead(Key);

        var option = Assert.Single(read!.InvoiceStatusOptions);
        Assert.Equal("AUTHORIZED", option.Value);
        Assert.Equal("Authorized by the tax authority", option.Description);
    }

    [Fact]
    public void AnEntryLastsADayAndNoLonger()
    {
        var cache = new InvoicesAttributesDiskCache(folder, clock);
        cache.TryWrite(Key, Attributes("AUTHORIZED", "a"));

        clock.Advance(InvoicesAttributesDiskCache.Lifetime - TimeSpan.FromSeconds(1));
        Assert.NotNull(cache.TryRead(Key));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(cache.TryRead(Key));
    }

    [Fact]
    public void EndpointsAccountsAndMarketplacesHaveEntriesOfTheirOwn()
    {
        var cache = new InvoicesAttributesDiskCache(folder, clock);
        cache.TryWrite(Key, Attributes("AUTHORIZED", "a"));

        Assert.Null(cache.TryRead(Key with { Endpoint = "http://127.0.0.1:5055/" }));
        Assert.Null(cache.TryRead(Key with { Account = "client|rt:OTHER" }));
        Assert.Null(cache.TryRead(Key with { MarketplaceId = "A1AM78C64UM0Y8" }));
        Assert.NotNull(cache.TryRead(Key));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("null")]
    [InlineData("{\"fetchedAt\":\"2026-01-01T00:00:00+00:00\"}")]
    [InlineData("")]
    public void ACorruptFileIsIgnoredAndReplaced(string content)
    {
        var cache = new InvoicesAttributesDiskCache(folder, clock);
        File.WriteAllText(cache.PathOf(Key), content);

        Assert.Null(cache.TryRead(Key));
        Assert.True(cache.TryWrite(Key, Attributes("REJECTED", "r")));
        Assert.Equal("REJECTED", Assert.Single(cache.TryRead(Key)!.InvoiceStatusOptions).Value);
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void TheFileNamesNoPartOfTheAccountKey()
    {
        var cache = new InvoicesAttributesDiskCache(folder, clock);
        cache.TryWrite(Key, Attributes("AUTHORIZED", "a"));

        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.DoesNotContain("ABCDEF", Path.GetFileName(file), StringComparison.Ordinal);
        Assert.DoesNotContain("ABCDEF", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void SpApiCachePathNamesTheFolder()
    {
        var cache = InvoicesAttributesDiskCache.FromEnvironment(name => name == InvoicesAttributesDiskCache.PathVariable ? folder : null, clock);

        Assert.Equal(Path.GetFullPath(folder), cache.Folder);
        Assert.EndsWith(Path.Combine("SpApi", "cache"), InvoicesAttributesDiskCache.FromEnvironment(_ => null, clock).Folder, StringComparison.Ordinal);
    }

    private static InvoicesAttributes Attributes(string status, string description) =>
        new() { InvoiceStatusOptions = { new AttributeOption { Value = status, Description = description } } };
}
