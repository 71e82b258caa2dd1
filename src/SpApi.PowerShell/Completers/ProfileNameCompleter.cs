using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using SpApi.Core.Connection;

namespace SpApi.PowerShell.Completers;

/// <summary>Completes the names of saved profiles.</summary>
public sealed class ProfileNameCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        IReadOnlyCollection<string> names;
        try
        {
            names = ProfileNames.List(Environment.GetEnvironmentVariable);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Completion must never throw at the prompt; an unreadable file simply offers nothing.
            names = Array.Empty<string>();
        }

        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return names
            .Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Select(n => new CompletionResult(n.IndexOf(' ') >= 0 ? $"'{n}'" : n, n, CompletionResultType.ParameterValue, n));
    }
}
