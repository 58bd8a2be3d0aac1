using Azure.Data.Tables;
using Strata.Definitions;
using Strata.Planning;
using Strata.Storage;

namespace Strata.Lineage;

/// <summary>
/// Downstream lineage edges in <see cref="StrataTables.Lineage"/>: table partition
/// <c>&lt;input&gt;|&lt;input partition&gt;</c> (or <c>&lt;input&gt;|*</c> for an all-mapped input), row key
/// <c>&lt;dataset&gt;|&lt;partition&gt;</c>. Upstream lineage needs no edges: each partition row carries its
/// exact inputs. Raw blob to load partition comes from the fragments table.
/// </summary>
public sealed class LineageStore(LakeStorage storage)
{
    /// <summary>The key of every partition of an all-mapped input.</summary>
    public const string AllPartitions = "*";

    private readonly TableClient _table = storage.Table(StrataTables.Lineage);

    /// <summary>Records that <paramref name="dataset"/>/<paramref name="partition"/> was built from <paramref name="selections"/>.</summary>
    public async Task RecordAsync(string dataset, string partition, IReadOnlyList<InputSelection> selections, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(selections);
        var rowKey = $"{dataset}|{partition}";
        var sources = selections.SelectMany(s => s.Input.Mapping.Kind == MappingKind.All
            ? [$"{s.Input.Name}|{AllPartitions}"]
            : s.Parts.Select(p => $"{s.Input.Name}|{p.Partition}"));
        // One row per input partition (each its own table partition, so no transaction): written together, not one after another.
        await Task.WhenAll(sources.Distinct(StringComparer.Ordinal).Select(from => _table.UpsertEntityAsync(new TableEntity(from, rowKey)
        {
            ["Dataset"] = dataset,
            ["Partition"] = partition,
        }, TableUpdateMode.Replace, ct)));
    }

    /// <summary>The partitions built from <paramref name="dataset"/>/<paramref name="partition"/> (including through all-mappings).</summary>
    public async Task<IReadOnlyList<(string Dataset, string Partition)>> DownstreamAsync(string dataset, string partition, CancellationToken ct)
    {
        var found = new List<(string, string)>();
        foreach (var pk in new[] { $"{dataset}|{partition}", $"{dataset}|{AllPartitions}" })
        {
            await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk}"), cancellationToken: ct))
            {
                found.Add((e.GetString("Dataset"), e.GetString("Partition")));
            }
        }

        return found.Distinct().ToList();
    }
}
