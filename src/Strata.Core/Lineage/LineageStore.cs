using Azure.Data.Tables;
using Strata.Definitions;
using Strata.Planning;
using Strata.Storage;

namespace Strata.Lineage;

/// <summary>
/// Downstream lineage edges in <see cref="StrataTables.Lineage"/>: table partition <c>&lt;input&gt;</c>,
/// row key <c>&lt;input partition&gt;|&lt;dataset&gt;|&lt;partition&gt;</c> (<c>*|…</c> for an all-mapped
/// input), so the edges a build activity writes for its many partitions go in entity-group
/// transactions of 100, and a partition's downstream is one row-key range. Edges written before
/// 2026-12-02 used table partition <c>&lt;input&gt;|&lt;input partition&gt;</c> and row key
/// <c>&lt;dataset&gt;|&lt;partition&gt;</c>: they are still read, and replaced as partitions rebuild.
/// Upstream lineage needs no edges: each partition row carries its exact inputs. Raw blob to load
/// partition comes from the fragments table.
/// </summary>
public sealed class LineageStore(LakeStorage storage)
{
    /// <summary>The key of every partition of an all-mapped input.</summary>
    public const string AllPartitions = "*";

    private readonly TableClient _table = storage.Table(StrataTables.Lineage);

    /// <summary>Records that <paramref name="dataset"/>/<paramref name="partition"/> was built from <paramref name="selections"/>.</summary>
    public Task RecordAsync(string dataset, string partition, IReadOnlyList<InputSelection> selections, CancellationToken ct) =>
        RecordManyAsync([(dataset, partition, selections)], ct);

    /// <summary>
    /// Records many built partitions at once: one entity-group transaction per 100 edges of one
    /// input (the table partition key), the inputs written in parallel.
    /// </summary>
    public async Task RecordManyAsync(IReadOnlyList<(string Dataset, string Partition, IReadOnlyList<InputSelection> Selections)> built, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(built);
        var edges = built.SelectMany(b => Sources(b.Selections).Distinct().Select(from => new TableEntity(from.Input, $"{from.Partition}|{b.Dataset}|{b.Partition}")
        {
            ["InputPartition"] = from.Partition,
            ["Dataset"] = b.Dataset,
            ["Partition"] = b.Partition,
        }));
        await Parallel.ForEachAsync(edges.GroupBy(e => e.PartitionKey, StringComparer.Ordinal), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (group, token) =>
        {
            var rows = group.ToList();
            await (rows.Count == 1
                ? _table.UpsertEntityAsync(rows[0], TableUpdateMode.Replace, token)
                : TableRanges.SubmitInBatchesAsync(_table, rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), token));
        });
    }

    private static IEnumerable<(string Input, string Partition)> Sources(IReadOnlyList<InputSelection> selections) => selections.SelectMany(s => s.Input.Mapping.Kind == MappingKind.All
        ? [(s.Input.Name, AllPartitions)]
        : s.Parts.Select(p => (s.Input.Name, p.Partition)));

    /// <summary>The partitions built from <paramref name="dataset"/>/<paramref name="partition"/> (including through all-mappings).</summary>
    public async Task<IReadOnlyList<(string Dataset, string Partition)>> DownstreamAsync(string dataset, string partition, CancellationToken ct)
    {
        var found = new List<(string, string)>();
        foreach (var from in new[] { partition, AllPartitions })
        {
            // The prefix also matches an input partition that merely starts with "<from>|"; the row says which it is.
            await foreach (var e in TableRanges.Prefix(_table, dataset, from + "|", ct: ct))
            {
                if (e.GetString("InputPartition") == from)
                {
                    found.Add((e.GetString("Dataset"), e.GetString("Partition")));
                }
            }

            await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {dataset + "|" + from}"), cancellationToken: ct))
            {
                found.Add((e.GetString("Dataset"), e.GetString("Partition")));
            }
        }

        return found.Distinct().ToList();
    }
}
