using YamlDotNet.RepresentationModel;

namespace Strata.Definitions;

/// <summary>
/// Small typed readers over YamlDotNet's node model. Every failure is a
/// <see cref="DefinitionException"/> carrying the file, line and column of the offending node,
/// so a typo in <c>pipeline.yaml</c> points at itself.
/// </summary>
internal sealed class YamlNodes(string file)
{
    public string File { get; } = file;

    public SourceLocation At(YamlNode node) => new(File, (int)node.Start.Line, (int)node.Start.Column);

    public DefinitionException Error(YamlNode node, string problem) => new(At(node), problem);

    public YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping (key: value lines)");

    public string Scalar(YamlNode node, string what)
    {
        if (node is not YamlScalarNode { Value: { } value })
        {
            throw Error(node, $"{what} must be a single value");
        }

        return value;
    }

    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlMappingNode map, string what)
    {
        foreach (var (key, value) in map.Children)
        {
            yield return (Scalar(key, $"a key in {what}"), key, value);
        }
    }

    /// <summary>Rejects keys not in <paramref name="allowed"/>, so misspelt options fail instead of being ignored.</summary>
    public void OnlyKeys(YamlMappingNode map, string what, params string[] allowed)
    {
        foreach (var (key, keyNode, _) in Entries(map, what))
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                throw Error(keyNode, $"unknown key '{key}' in {what}; expected one of: {string.Join(", ", allowed)}");
            }
        }
    }

    public static YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public YamlNode Required(YamlMappingNode map, string key, string what) =>
        Optional(map, key) ?? throw Error(map, $"{what} needs '{key}'");

    public string? OptionalScalar(YamlMappingNode map, string key, string what) =>
        Optional(map, key) is { } node ? Scalar(node, $"{what}.{key}") : null;

    public bool Bool(YamlNode node, string what) => Scalar(node, what).ToLowerInvariant() switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        var other => throw Error(node, $"{what} must be true or false, not '{other}'"),
    };

    public int PositiveInt(YamlNode node, string what) =>
        int.TryParse(Scalar(node, what), out var n) && n > 0 ? n : throw Error(node, $"{what} must be a whole number above 0");

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/> (invariant culture, so <c>0.05</c> everywhere).</summary>
    public double Number(YamlNode node, string what, double min, double max) =>
        double.TryParse(Scalar(node, what), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw Error(node, $"{what} must be a number from {min.ToString(System.Globalization.CultureInfo.InvariantCulture)} to {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    public T Enum<T>(YamlNode node, string what, IReadOnlyDictionary<string, T> names)
    {
        var text = Scalar(node, what);
        return names.TryGetValue(text.ToLowerInvariant(), out var value)
            ? value
            : throw Error(node, $"{what} '{text}' is not one of: {string.Join(", ", names.Keys)}");
    }

    public IReadOnlyList<YamlNode> Sequence(YamlNode node, string what) =>
        node is YamlSequenceNode seq ? seq.Children.ToList() : throw Error(node, $"{what} must be a list");
}
