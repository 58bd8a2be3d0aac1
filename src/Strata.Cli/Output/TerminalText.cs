using System.Globalization;
using System.Text;

namespace Strata.Cli.Output;

/// <summary>
/// Text from outside — landing and blob names, pipeline and dataset names from arguments, error
/// messages that quote them — is printed escaped: a control character (ESC, CR, LF, BEL, DEL, the
/// C1 range), a Unicode format character (bidi overrides, zero-width joiners) or a line separator
/// becomes <c>\e</c>, <c>\r</c>, <c>\n</c>, <c>\t</c> or <c>\u202E</c>, so a hostile name can
/// neither drive the terminal nor fake a line of output. A backslash is printed as it is: names
/// with backslashes stay readable, and nothing typed can produce a real control character.
/// </summary>
internal static class TerminalText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(NeedsEscape))
        {
            return text ?? "";
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\u001b' => "\\e",
                _ when NeedsEscape(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
