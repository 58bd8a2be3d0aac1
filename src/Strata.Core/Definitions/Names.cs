using System.Text.RegularExpressions;

namespace Strata.Definitions;

/// <summary>
/// The one naming rule for pipelines, sources and datasets: lower-case letters, digits and
/// underscores, starting with a letter, at most 63 characters. Names become blob path segments,
/// Table Storage keys and SQL view names, so they must be safe in all three.
/// </summary>
public static partial class Names
{
    public static bool IsValid(string name) => NamePattern().IsMatch(name);

    public static string Describe => "lower-case letters, digits and '_', starting with a letter, at most 63 characters";

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
