using System.Globalization;

namespace Strata.Bench;

/// <summary><c>--name value</c> and <c>--flag</c> options after the mode.</summary>
internal sealed class BenchArgs(string[] args)
{
    public long Long(string name, long fallback) =>
        Value(name) is { } text ? long.Parse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public string String(string name, string fallback) => Value(name) ?? fallback;

    public bool Flag(string name) => args.Contains("--" + name, StringComparer.Ordinal);

    private string? Value(string name)
    {
        var index = Array.IndexOf(args, "--" + name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
