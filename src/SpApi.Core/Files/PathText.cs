using System.Globalization;
using System.Text;

namespace SpApi.Core.Files;

/// <summary>The characters of a path, checked before the path goes to PowerShell's provider or the file system.</summary>
public static class PathText
{
    /// <summary>
    /// Refuses a path holding a character no path may hold (NUL on every OS; on Windows also the control characters
    /// and " &lt; &gt; |): an ArgumentException naming <paramref name="parameterName"/>, the path and the character,
    /// instead of the provider's "Null character in path", which names neither, or a path cut short at the NUL.
    /// </summary>
    public static void RequireValid(string path, string parameterName)
    {
        var at = path.IndexOfAny(Path.GetInvalidPathChars());
        if (at >= 0)
        {
            throw new ArgumentException(
                $"{parameterName}: '{Visible(path)}' holds the character U+{(int)path[at]:X4} at position {at + 1}, which no path may hold. Give the path without it.",
                parameterName);
        }
    }

    // The path as text a console shows: control characters (NUL among them) written as \u0000, so the message neither
    // hides them nor lets them act on the terminal.
    private static string Visible(string path)
    {
        var text = new StringBuilder(path.Length);
        foreach (var c in path)
        {
            text.Append(char.IsControl(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return text.ToString();
    }
}
