using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using SpApi.Core.Endpoints;

namespace SpApi.PowerShell.Completers;

/// <summary>Completes marketplace ids, matching the id, the country code or the country name.</summary>
public sealed class MarketplaceIdCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Match(wordToComplete).Select(m => new CompletionResult(m.Id, $"{m.Id} ({m.Country})", CompletionResultType.ParameterValue, $"{m.Country}, {m.Region} region"));

    /// <summary>The marketplaces whose id, country code or country name starts with the word.</summary>
    internal static IEnumerable<Marketplace> Match(string? word)
    {
        var prefix = (word ?? string.Empty).Trim('\'', '"');
        return Marketplace.All.Where(m =>
            m.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || m.CountryCode.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || m.Country.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }
}
