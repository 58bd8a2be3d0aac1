namespace Strata.Land;

/// <summary>
/// Landing names as storage sees them. A blob name travels in a URL, and the URL's <c>.</c> and
/// <c>..</c> segments are resolved before the service sees it (RFC 3986): the client library sends
/// <c>sweepstakes/web/../../t.csv</c> as the blob <c>t.csv</c> at the container root, and
/// <c>../raw/x.csv</c> would address another container. So ownership is decided on the
/// normalised name — the blob that is actually written and read — and names that climb out of
/// the container, name a folder, or hold characters Azure Storage does not accept in blob names
/// (control characters, which the emulator stores but then cannot list) are rejected with the reason.
/// Backslashes and repeated slashes are kept as they are: the client escapes them, so they reach
/// storage unchanged.
/// </summary>
public static class LandingName
{
    /// <summary>Azure Storage's limit on a blob name.</summary>
    public const int MaxLength = 1024;

    /// <summary>The name storage would store <paramref name="name"/> under, or the reason it cannot be landed.</summary>
    public static bool TryNormalise(string name, out string normalised, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(name);
        normalised = "";
        problem = Check(name);
        if (problem is not null)
        {
            return false;
        }

        var segments = new List<string>();
        var parts = name.Split('/');
        var folder = name.EndsWith('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            switch (parts[i])
            {
                case ".":
                    folder |= last;
                    break;
                case "..":
                    if (segments.Count == 0)
                    {
                        problem = "climbs out of the landing container ('..' past its root); name the file by a path inside landing, such as sweepstakes/web/file.csv";
                        return false;
                    }

                    segments.RemoveAt(segments.Count - 1);
                    folder |= last;
                    break;
                default:
                    if (!(last && parts[i].Length == 0))
                    {
                        segments.Add(parts[i]);
                    }

                    break;
            }
        }

        normalised = string.Join('/', segments);
        if (folder || normalised.Length == 0)
        {
            problem = "names a folder, not a file; end the name with a file name";
            normalised = "";
            return false;
        }

        return true;
    }

    /// <summary>The normalised name; throws <see cref="LandingNameException"/> with the reason when it cannot be landed.</summary>
    public static string Normalise(string name) =>
        TryNormalise(name, out var normalised, out var problem) ? normalised : throw new LandingNameException(name, problem!);

    /// <summary>
    /// Joins a prefix and a relative name as paths: <c>team/orders</c> and <c>f.csv</c> give
    /// <c>team/orders/f.csv</c> (a prefix ending in <c>/</c> is used as it is; an empty one adds nothing).
    /// </summary>
    public static string Join(string prefix, string name)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(name);
        return prefix.Length == 0 || prefix.EndsWith('/') ? prefix + name : $"{prefix}/{name}";
    }

    private static string? Check(string name)
    {
        if (name.Length == 0)
        {
            return "is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"is {name.Length} characters long; Azure Storage allows at most {MaxLength}";
        }

        return name.Any(char.IsControl)
            ? "contains control characters (shown escaped), which Azure Storage does not accept in blob names; rename the file"
            : null;
    }
}
