using System.Globalization;
using System.Text;

namespace Strata.Land;

/// <summary>
/// Names in raw: <c>&lt;source&gt;/ingest_date=YYYY-MM-DD/&lt;sha256&gt;-&lt;name&gt;</c>. Only the landing
/// name's last segment is kept, reduced to <c>[A-Za-z0-9._-]</c>, so no name can climb out of
/// its folder, carry control characters, or collide (the SHA-256 prefix makes it unique).
/// </summary>
public static class RawBlobName
{
    private const int MaxNameLength = 120;

    public static string For(string source, DateOnly ingestDate, string sha256, string landingName) =>
        $"{source}/ingest_date={ingestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{sha256}-{Sanitise(landingName)}";

    /// <summary>The safe file-name part of a landing blob name.</summary>
    public static string Sanitise(string landingName)
    {
        ArgumentNullException.ThrowIfNull(landingName);
        var last = landingName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var safe = new StringBuilder(last.Length);
        foreach (var c in last)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var name = safe.ToString().TrimStart('.');
        while (name.Contains("..", StringComparison.Ordinal))
        {
            name = name.Replace("..", ".", StringComparison.Ordinal);
        }

        if (name.Length > MaxNameLength)
        {
            name = name[^MaxNameLength..];
        }

        return name.Length == 0 ? "file" : name;
    }
}
