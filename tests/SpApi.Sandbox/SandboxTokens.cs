using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SpApi.Sandbox;

/// <summary>The access tokens and RDTs the sandbox issued, with their expiry and what an RDT covers.</summary>
public sealed class SandboxTokens
{
    private readonly ConcurrentDictionary<string, Issued> issued = new(StringComparer.Ordinal);
    private readonly TimeProvider time;

    internal SandboxTokens(TimeProvider time) => this.time = time;

    /// <summary>Every token value issued, for tests that check no secret leaks.</summary>
    public IReadOnlyCollection<string> IssuedValues => issued.Keys.ToList();

    /// <summary>Makes every token issued so far expired, as if an hour had passed.</summary>
    public void ExpireAll()
    {
        foreach (var key in issued.Keys)
        {
            issued.AddOrUpdate(key, _ => throw new InvalidOperationException(), (_, t) => t with { ExpiresAt = DateTimeOffset.MinValue });
        }
    }

    internal string IssueAccessToken(string account, TimeSpan lifetime, bool injectHeader = false) =>
        Add("Atza|sandbox-", new Issued(account, time.GetUtcNow() + lifetime, null), injectHeader);

    internal string IssueRestrictedDataToken(string account, TimeSpan lifetime, IReadOnlyList<(string Method, Regex Path)> resources, bool injectHeader = false) =>
        Add("Atz.sprdt|sandbox-", new Issued(account, time.GetUtcNow() + lifetime, resources), injectHeader);

    internal Issued? Find(string? token) => token is not null && issued.TryGetValue(token, out var found) ? found : null;

    internal bool IsExpired(Issued token) => time.GetUtcNow() >= token.ExpiresAt;

    private string Add(string prefix, Issued token, bool injectHeader)
    {
        var value = prefix + Guid.NewGuid().ToString("N") + (injectHeader ? SandboxFaults.InjectedHeader : string.Empty);
        issued[value] = token;
        return value;
    }

    internal sealed record Issued(string Account, DateTimeOffset ExpiresAt, IReadOnlyList<(string Method, Regex Path)>? Resources)
    {
        public bool IsRestrictedDataToken => Resources is not null;

        public bool Covers(string method, string path) =>
            Resources?.Any(r => r.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && r.Path.IsMatch(path)) == true;
    }
}
