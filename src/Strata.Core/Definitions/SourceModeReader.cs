using YamlDotNet.RepresentationModel;

namespace Strata.Definitions;

/// <summary>
/// Reads a source's <c>mode:</c> and, for <c>mode: upsert</c>, its <c>key:</c>, <c>sequence:</c>
/// and <c>delete_marker:</c>. Every column they name must reach load output: declared when the
/// source is <c>drift: strict</c>, never dropped by a PII rule. Key and sequence columns become
/// required, so a row without them is quarantined with its reason instead of being merged under
/// an empty key.
/// </summary>
internal static class SourceModeReader
{
    public static readonly string[] Keys = ["mode", "key", "sequence", "delete_marker"];

    private static readonly Dictionary<string, SourceMode> Modes = new()
    {
        ["append"] = SourceMode.Append,
        ["replace"] = SourceMode.Replace,
        ["snapshot"] = SourceMode.Snapshot,
        ["upsert"] = SourceMode.Upsert,
    };

    public static (SourceMode Mode, UpsertRule? Upsert) Read(YamlNodes y, string what, YamlMappingNode map, SourceDefinition declared)
    {
        var modeNode = YamlNodes.Optional(map, "mode");
        var mode = modeNode is null ? SourceMode.Append : y.Enum(modeNode, $"{what}.mode", Modes);
        if (mode != SourceMode.Upsert)
        {
            foreach (var option in Keys.Skip(1))
            {
                if (YamlNodes.Optional(map, option) is { } stray)
                {
                    throw y.Error(stray, $"{what}.{option} is only used by mode: upsert (this source is mode: {mode.ToString().ToLowerInvariant()})");
                }
            }

            return (mode, null);
        }

        var needs = $"{what} uses mode: upsert, so it needs";
        var keyNode = YamlNodes.Optional(map, "key") ?? throw y.Error(modeNode!, $"{needs} key: (the column or columns that identify a row)");
        var sequenceNode = YamlNodes.Optional(map, "sequence") ?? throw y.Error(modeNode!, $"{needs} sequence: (the column whose highest value wins for a key)");

        var key = ReadKey(y, what, keyNode);
        var sequence = (Name: y.Scalar(sequenceNode, $"{what}.sequence"), Node: sequenceNode);
        if (key.Any(k => k.Name == sequence.Name))
        {
            throw y.Error(sequenceNode, $"{what}.sequence '{sequence.Name}' is also a key column: every row would be its own key");
        }

        (string Name, YamlNode Node)? marker = null;
        var markerValue = "true";
        if (YamlNodes.Optional(map, "delete_marker") is { } markerNode)
        {
            (marker, markerValue) = ReadMarker(y, what, markerNode);
            if (key.Any(k => k.Name == marker.Value.Name) || marker.Value.Name == sequence.Name)
            {
                throw y.Error(marker.Value.Node, $"{what}.delete_marker '{marker.Value.Name}' is also a key or sequence column; use a column of its own");
            }
        }

        List<(string Name, YamlNode Node)> named = [.. key, sequence];
        if (marker is { } m)
        {
            named.Add(m);
        }

        foreach (var (column, node) in named)
        {
            RequireLoaded(y, what, declared, column, node);
        }

        return (mode, new UpsertRule([.. key.Select(k => k.Name)], sequence.Name, marker?.Name, markerValue));
    }

    /// <summary>The schema hints with the key and sequence columns required (added as untyped hints when not declared).</summary>
    public static IReadOnlyList<ColumnHint> RequireKeyColumns(IReadOnlyList<ColumnHint> schema, UpsertRule? upsert)
    {
        if (upsert is null)
        {
            return schema;
        }

        string[] required = [.. upsert.Key, upsert.Sequence];
        var hints = schema.Select(h => required.Contains(h.Name, StringComparer.Ordinal) ? h with { Required = true } : h).ToList();
        hints.AddRange(required.Where(c => hints.All(h => h.Name != c)).Select(c => new ColumnHint(c, null, Required: true)));
        return hints;
    }

    private static List<(string Name, YamlNode Node)> ReadKey(YamlNodes y, string what, YamlNode node)
    {
        var items = node is YamlSequenceNode ? y.Sequence(node, $"{what}.key") : [node];
        var key = items.Select(item => (Name: y.Scalar(item, $"{what}.key"), Node: item)).ToList();
        if (key.Count == 0)
        {
            throw y.Error(node, $"{what}.key must name at least one column");
        }

        if (key.Where((k, i) => key.FindIndex(o => o.Name == k.Name) != i).FirstOrDefault() is { Node: not null } twice)
        {
            throw y.Error(twice.Node, $"{what}.key names '{twice.Name}' twice");
        }

        return key;
    }

    private static ((string Name, YamlNode Node) Column, string Value) ReadMarker(YamlNodes y, string what, YamlNode node)
    {
        var at = $"{what}.delete_marker";
        if (node is YamlScalarNode)
        {
            return ((y.Scalar(node, at), node), "true");
        }

        var map = y.Mapping(node, at);
        y.OnlyKeys(map, at, "column", "value");
        var column = y.Required(map, "column", at);
        return ((y.Scalar(column, $"{at}.column"), column), y.OptionalScalar(map, "value", at) ?? "true");
    }

    private static void RequireLoaded(YamlNodes y, string what, SourceDefinition declared, string column, YamlNode node)
    {
        if (declared.PiiFor(column) is { Action: PiiAction.Drop })
        {
            throw y.Error(node, $"{what} names column '{column}' for upsert, but its pii: rule drops it, so load never has it");
        }

        if (declared.Drift == DriftPolicy.Strict && declared.HintFor(column) is null)
        {
            throw y.Error(node, $"{what} names column '{column}' for upsert, but its schema: does not declare it (drift: strict loads only declared columns)");
        }
    }
}
