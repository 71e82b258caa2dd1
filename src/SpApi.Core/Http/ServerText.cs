using System.Text;
using System.Text.RegularExpressions;

namespace SpApi.Core.Http;

/// <summary>
/// Text a server wrote (error messages and details) made fit for an exception message: ANSI escapes and
/// other control characters removed, so it can neither repaint a terminal nor forge a log line, and cut
/// to <see cref="MaxLength"/> characters, so a 10 MB message cannot swamp a log or a console.
/// </summary>
internal static class ServerText
{
    /// <summary>The longest server text kept: ample for any real SP-API or LWA message (they run to a few hundred).</summary>
    public const int MaxLength = 2000;

    // CSI sequences (ESC [ ... final byte) and two-character escapes (ESC and one more character).
    private static readonly Regex AnsiEscape = new(@"\u001b(\[[0-?]*[ -/]*[@-~]|.)?", RegexOptions.Compiled | RegexOptions.Singleline);

    /// <summary>Cleans and caps <paramref name="text"/>; null stays null.</summary>
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // Cut before the regex so its work is bounded too; escapes near the cut are dropped with the rest.
        var head = text.Length > MaxLength * 2 ? text.Substring(0, MaxLength * 2) : text;
        var withoutEscapes = AnsiEscape.Replace(head, string.Empty);
        var clean = new StringBuilder(Math.Min(withoutEscapes.Length, MaxLength + 1));
        foreach (var c in withoutEscapes)
        {
            if (clean.Length == MaxLength)
            {
                return clean.Append('…').ToString();
            }

            // Line breaks and tabs become spaces: the text stays readable on one line.
            clean.Append(char.IsControl(c) ? ' ' : c);
        }

        return text.Length > head.Length ? clean.Append('…').ToString() : clean.ToString();
    }
}
