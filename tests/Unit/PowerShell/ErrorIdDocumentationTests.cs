using System.Reflection;
using System.Text.RegularExpressions;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.Tests.PowerShell;

/// <summary>
/// The ErrorIds that scripts match on are the constants of <see cref="ErrorIds"/>, found by reflection, so a
/// new id cannot escape the check: each must be documented in docs/errors.md and about_SpApi_Errors, and
/// each id those documents list must be a constant.
/// </summary>
public sealed class ErrorIdDocumentationTests
{
    // A table row of docs/errors.md: | `SpApiNotFound` | ObjectNotFound | ... |
    private static readonly Regex MarkdownRow = new(@"^\| `(?<id>[A-Za-z]+)` \|", RegexOptions.Multiline);

    // An entry of the help topic: four spaces, the id, then two spaces and its text (or the line ends).
    private static readonly Regex HelpEntry = new(@"^ {4}(?<id>[A-Z][A-Za-z]+)(?: {2,}|\r?$)", RegexOptions.Multiline);

    public static IReadOnlyList<string> Constants { get; } = typeof(ErrorIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    [Fact]
    public void EachConstantIsItsOwnName() =>
        Assert.All(typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static), f => Assert.Equal(f.Name, f.GetRawConstantValue()));

    [Fact]
    public void TheErrorsPageListsExactlyTheConstants() =>
        Assert.Equal(Sorted(Constants), Sorted(Documented(MarkdownRow, "docs", "errors.md")));

    [Fact]
    public void TheHelpTopicListsExactlyTheConstants() =>
        Assert.Equal(Sorted(Constants), Sorted(Documented(HelpEntry, "module", "en-US", "about_SpApi_Errors.help.txt")));

    private static IEnumerable<string> Documented(Regex entry, params string[] path) =>
        entry.Matches(File.ReadAllText(Path.Combine(new[] { Support.Repository.Root }.Concat(path).ToArray())))
            .Cast<Match>()
            .Select(m => m.Groups["id"].Value);

    private static List<string> Sorted(IEnumerable<string> ids) => ids.Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
}
