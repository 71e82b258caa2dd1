namespace SpApi.Core.Endpoints;

/// <summary>An SP-API marketplace: its id, country and the region whose endpoint serves it.</summary>
public sealed class Marketplace
{
    private Marketplace(string id, string countryCode, string country, SpApiRegion region)
    {
        Id = id;
        CountryCode = countryCode;
        Country = country;
        Region = region;
    }

    /// <summary>The marketplace id, for example A21TJRUUN4KGV.</summary>
    public string Id { get; }

    /// <summary>The ISO 3166 country code; Amazon uses UK for the United Kingdom.</summary>
    public string CountryCode { get; }

    /// <summary>The country name, used in argument completion.</summary>
    public string Country { get; }

    /// <summary>The region that serves the marketplace.</summary>
    public SpApiRegion Region { get; }

    /// <summary>Every marketplace in Amazon's "Marketplace IDs" table.</summary>
    public static IReadOnlyList<Marketplace> All { get; } = new[]
    {
        new Marketplace("A2EUQ1WTGCTBG2", "CA", "Canada", SpApiRegion.NA),
        new Marketplace("ATVPDKIKX0DER", "US", "United States of America", SpApiRegion.NA),
        new Marketplace("A1AM78C64UM0Y8", "MX", "Mexico", SpApiRegion.NA),
        new Marketplace("A2Q3Y263D00KWC", "BR", "Brazil", SpApiRegion.NA),
        new Marketplace("A28R8C7NBKEWEA", "IE", "Ireland", SpApiRegion.EU),
        new Marketplace("A1RKKUPIHCS9HS", "ES", "Spain", SpApiRegion.EU),
        new Marketplace("A1F83G8C2ARO7P", "UK", "United Kingdom", SpApiRegion.EU),
        new Marketplace("A13V1IB3VIYZZH", "FR", "France", SpApiRegion.EU),
        new Marketplace("AMEN7PMS3EDWL", "BE", "Belgium", SpApiRegion.EU),
        new Marketplace("A1805IZSGTT6HS", "NL", "Netherlands", SpApiRegion.EU),
        new Marketplace("A1PA6795UKMFR9", "DE", "Germany", SpApiRegion.EU),
        new Marketplace("APJ6JRA9NG5V4", "IT", "Italy", SpApiRegion.EU),
        new Marketplace("A2NODRKZP88ZB9", "SE", "Sweden", SpApiRegion.EU),
        new Marketplace("AE08WJ6YKNBMC", "ZA", "South Africa", SpApiRegion.EU),
        new Marketplace("A1C3SOZRARQ6R3", "PL", "Poland", SpApiRegion.EU),
        new Marketplace("ARBP9OOSHTCHU", "EG", "Egypt", SpApiRegion.EU),
        new Marketplace("A33AVAJ2PDY3EV", "TR", "Turkey", SpApiRegion.EU),
        new Marketplace("A17E79C6D8DWNP", "SA", "Saudi Arabia", SpApiRegion.EU),
        new Marketplace("A2VIGQ35RCS4UG", "AE", "United Arab Emirates", SpApiRegion.EU),
        new Marketplace("A21TJRUUN4KGV", "IN", "India", SpApiRegion.EU),
        new Marketplace("A19VAU5U5O7RUS", "SG", "Singapore", SpApiRegion.FE),
        new Marketplace("A39IBJ37TRP1C6", "AU", "Australia", SpApiRegion.FE),
        new Marketplace("A1VC38T7YXB528", "JP", "Japan", SpApiRegion.FE),
    };

    /// <summary>Finds a marketplace by id (case-sensitive, as Amazon's ids are).</summary>
    public static bool TryFind(string? id, out Marketplace marketplace)
    {
        marketplace = All.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.Ordinal))!;
        return marketplace is not null;
    }

    /// <summary>Finds a marketplace by id or fails with a message that names the parameter.</summary>
    public static Marketplace Get(string id, string parameterName)
    {
        if (TryFind(id, out var marketplace))
        {
            return marketplace;
        }

        throw new ArgumentException(
            $"'{id}' is not an SP-API marketplace id. Use one of Amazon's marketplace ids, for example A21TJRUUN4KGV (India) or A2Q3Y263D00KWC (Brazil).",
            parameterName);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Country})";
}
