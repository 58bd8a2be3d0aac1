using System.Globalization;
using System.Text.Json.Nodes;
using Strata.Testing;

namespace Strata.Tests.Lake;

/// <summary>
/// A Delta reader written in the test from the public protocol (PROTOCOL.md: "Action
/// Reconciliation", "Checkpoints", "Last Checkpoint File"), sharing no code with Strata's writer:
/// start from the newest checkpoint at or before the wanted version (<c>_last_checkpoint</c> for the
/// latest), read its <c>add</c>/<c>remove</c> rows with DuckDB, then replay the JSON versions after
/// it in order; a path's newest action decides. Reads a table folder downloaded to disk.
/// </summary>
internal sealed class DeltaProtocolReader(string tableFolder)
{
    private string Log => Path.Combine(tableFolder, "_delta_log");

    /// <summary>Every version number present.</summary>
    public IReadOnlyList<long> Versions() =>
        Directory.GetFiles(Log, "*.json").Select(Path.GetFileName).Where(n => n!.Length == 25)
            .Select(n => long.Parse(n![..20], CultureInfo.InvariantCulture)).Order().ToList();

    /// <summary>The table at <paramref name="version"/> (latest when null): live file paths (local), schema string and protocol.</summary>
    public (List<string> Files, string SchemaString, JsonObject Protocol, List<string> PartitionColumns) Read(long? version = null)
    {
        var target = version ?? Versions()[^1];
        var live = new Dictionary<string, bool>(StringComparer.Ordinal);
        string? schema = null;
        JsonObject? protocol = null;
        List<string>? partitionColumns = null;
        var from = 0L;
        var checkpoint = StartingCheckpoint(target);
        if (checkpoint is { } c)
        {
            var file = DuckDbReader.Quote(Path.Combine(Log, $"{c:D20}.checkpoint.parquet"));
            foreach (var row in DuckDbReader.Query($"SELECT add.path AS a, remove.path AS r, metaData.schemaString AS s, to_json(protocol) AS p, to_json(metaData.partitionColumns) AS pc FROM read_parquet({file})"))
            {
                Apply(live, row["a"] as string, row["r"] as string);
                schema = row["s"] as string ?? schema;
                protocol = row["p"] is string p && p != "null" ? JsonNode.Parse(p)!.AsObject() : protocol;
                partitionColumns = row["pc"] is string pc && pc != "null" ? JsonNode.Parse(pc)!.AsArray().Select(x => x!.GetValue<string>()).ToList() : partitionColumns;
            }

            from = c + 1;
        }

        for (var v = from; v <= target; v++)
        {
            foreach (var line in File.ReadAllLines(Path.Combine(Log, $"{v:D20}.json")).Where(l => l.Length > 0))
            {
                var action = JsonNode.Parse(line)!.AsObject();
                Apply(live, action["add"]?["path"]?.GetValue<string>(), action["remove"]?["path"]?.GetValue<string>());
                schema = action["metaData"]?["schemaString"]?.GetValue<string>() ?? schema;
                partitionColumns = action["metaData"]?["partitionColumns"]?.AsArray().Select(x => x!.GetValue<string>()).ToList() ?? partitionColumns;
                protocol = action["protocol"]?.AsObject() ?? protocol;
            }
        }

        var files = live.Where(f => f.Value).Select(f => Path.Combine(tableFolder, Uri.UnescapeDataString(f.Key))).Order(StringComparer.Ordinal).ToList();
        return (files, schema ?? throw new InvalidDataException("no metaData"), protocol ?? throw new InvalidDataException("no protocol"), partitionColumns ?? []);
    }

    private long? StartingCheckpoint(long target)
    {
        var last = Path.Combine(Log, "_last_checkpoint");
        if (File.Exists(last) && JsonNode.Parse(File.ReadAllText(last))!["version"]!.GetValue<long>() is var pointed && pointed <= target)
        {
            return pointed;
        }

        return Directory.GetFiles(Log, "*.checkpoint.parquet").Select(f => long.Parse(Path.GetFileName(f)[..20], CultureInfo.InvariantCulture))
            .Where(v => v <= target).Order().Cast<long?>().LastOrDefault();
    }

    private static void Apply(Dictionary<string, bool> live, string? added, string? removed)
    {
        if (added is not null)
        {
            live[added] = true;
        }

        if (removed is not null)
        {
            live[removed] = false;
        }
    }
}
