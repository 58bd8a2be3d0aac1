using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Partitions;
using Strata.Transform;
using Strata.Workflow.Contracts;

namespace Strata.Planning;

/// <summary>
/// Plans one integrate or action dataset. Candidates come from what changed: every partition
/// when the code changed or the run is forced; otherwise the commit-log lines each input wrote
/// since this dataset last consumed it, mapped through the partition mapping (identity: the same
/// key; window(n): the n keys whose window holds it; all: every partition), plus failed
/// partitions. Each candidate's fingerprint — code hash plus the output hashes of exactly the
/// input partitions its mappings select — is compared with the committed one. Nothing is cut
/// off at any fan-in size: an all-mapped input with 100,000 partitions is still read exactly.
/// </summary>
public sealed class DatasetPlanner(PipelineCatalog catalog, PartitionStore partitions, SqlEngine engine, Quality.QualityStore quality)
{
    // Above this many candidates, inputs and stored partitions are read as ranges, not point by point.
    private const int BulkThreshold = 64;

    public async Task<DatasetPlan> PlanAsync(string datasetName, long runNumber, RunRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dataset = Dataset(datasetName);
        var code = DatasetCode.Hash(dataset, engine.EngineVersion);
        var sqlHash = DatasetCode.SqlHash(dataset);
        var summary = await partitions.GetSummaryAsync(dataset.Name, ct);
        var keys = new InputResolver(partitions, bulk: true);
        var candidates = new CandidateSet();

        if (request.Force)
        {
            candidates.AddAll(await AllKeysAsync(dataset, keys, ct), StaleReason.Forced, "forced");
        }
        else if (summary is null)
        {
            candidates.AddAll(await AllKeysAsync(dataset, keys, ct), StaleReason.NewData, "first build of this dataset");
        }
        else if (summary.CodeHash != code)
        {
            var sqlChanged = summary.SqlHash != sqlHash;
            candidates.AddAll(await AllKeysAsync(dataset, keys, ct),
                sqlChanged ? StaleReason.SqlChanged : StaleReason.DefinitionChanged,
                sqlChanged ? $"{dataset.SqlPath} changed" : "engine version, inputs, mappings, partition key, formats or expectations changed");
        }
        else
        {
            foreach (var input in dataset.Inputs)
            {
                var changes = await partitions.ChangesSinceAsync(input.Name, summary.SeenOf(input.Name), ct);
                await AddChangesAsync(dataset, input, changes, candidates, keys, ct);
            }
        }

        foreach (var failure in await partitions.FailuresAsync(dataset.Name, ct))
        {
            candidates.Add(failure.Partition, StaleReason.PreviouslyFailed, failure.Error);
        }

        foreach (var waiting in await quality.BlockedAsync(dataset.Name, ct))
        {
            candidates.Add(waiting, StaleReason.InputChanged, "an input it reads was held by a check and has been released");
        }

        candidates.RemoveWhere(p => !request.InRange(p));
        var (items, existing, staleCommitted) = await EvaluateAsync(dataset, code, candidates, request.Force, summary?.Partitions ?? 0, ct);
        var blocked = items.Where(i => i.Reason == StaleReason.Blocked).ToList();
        items = items.Where(i => i.Reason != StaleReason.Blocked).ToList();
        var seen = dataset.Inputs.ToDictionary(i => i.Name, _ => runNumber, StringComparer.Ordinal);
        var upToDate = await UpToDate.CountAsync(partitions, dataset.Name, summary, request, staleCommitted, existing - items.Count - blocked.Count, ct);
        return new DatasetPlan(dataset.Name, dataset.Layer.ToString().ToLowerInvariant(), code, seen, items, existing, [], sqlHash, upToDate, blocked);
    }

    /// <summary>The candidate partitions an upstream change maps to.</summary>
    internal static async Task AddChangesAsync(DatasetDefinition dataset, DatasetInput input, IReadOnlyCollection<CommitEntry> changes, CandidateSet candidates, InputResolver keys, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return;
        }

        switch (input.Mapping.Kind)
        {
            case MappingKind.All:
                candidates.AddAll(await AllKeysAsync(dataset, keys, ct), StaleReason.InputChanged,
                    $"{input.Name} (all): {Describe(changes.Select(c => c.Partition))} changed");
                break;
            case MappingKind.Window:
                foreach (var change in changes)
                {
                    // Windows ending after 9999-12-31 do not exist: the loop stops at the calendar's end.
                    for (var i = 0; i < input.Mapping.Size && PartitionKeys.TryAdd(change.Partition, dataset.Partition.Grain, i, out var key); i++)
                    {
                        candidates.Add(key, StaleReason.InputChanged, $"{input.Name}/{change.Partition} changed (in its {input.Mapping} window)");
                    }
                }

                break;
            default:
                foreach (var change in changes)
                {
                    candidates.Add(change.Partition, StaleReason.InputChanged, $"{input.Name}/{change.Partition} changed");
                }

                break;
        }
    }

    /// <summary>Computes each candidate's fingerprint and keeps those that differ from the committed one; also counts the candidates that exist, and the stale ones already committed.</summary>
    /// <remarks>
    /// Candidates are read point by point while they are few, or a small share of the dataset's
    /// <paramref name="committed"/> partitions; beyond that each input and the dataset are read
    /// once as ranges. So a plan after k changes reads O(k) rows, and a plan that touches most
    /// partitions reads each row once.
    /// </remarks>
    /// <remarks>A stale partition that reads a held input partition comes back with reason <see cref="StaleReason.Blocked"/>, for the caller to set aside.</remarks>
    internal async Task<(IReadOnlyList<PlanItem> Items, int Existing, int StaleCommitted)> EvaluateAsync(DatasetDefinition dataset, string code, CandidateSet candidates, bool force, long committed, CancellationToken ct)
    {
        var bulk = candidates.Count > BulkThreshold && candidates.Count * 4L > committed;
        var resolver = new InputResolver(partitions, bulk);
        var holds = new Quality.HoldLookup(quality);
        var stored = bulk ? await LoadAllAsync(dataset.Name, ct) : null;
        var items = new List<PlanItem>();
        var existing = 0;
        var staleCommitted = 0;
        foreach (var partition in candidates.Keys)
        {
            var selections = await resolver.SelectAsync(dataset, partition, ct);
            if (!Exists(dataset, partition, selections))
            {
                continue;
            }

            existing++;
            var fingerprint = DatasetCode.PartitionFingerprint(code, selections.Select(s => s.ToSlice()));
            var current = stored is null ? await partitions.GetAsync(dataset.Name, partition, ct) : stored.GetValueOrDefault(partition);
            if (force || current?.Fingerprint != fingerprint)
            {
                var (reason, detail) = candidates[partition];
                staleCommitted += current is null ? 0 : 1;
                if (await holds.FindAsync(selections, ct) is { } hold)
                {
                    items.Add(new PlanItem(partition, fingerprint, StaleReason.Blocked, hold));
                    continue;
                }

                items.Add(current is null && reason == StaleReason.InputChanged
                    ? new PlanItem(partition, fingerprint, StaleReason.NewData, $"new partition ({detail})")
                    : new PlanItem(partition, fingerprint, reason, detail));
            }
        }

        return (items, existing, staleCommitted);
    }

    /// <summary>
    /// A partition exists when some identity- or window-mapped input has a partition with exactly
    /// its key (a window does not create partitions past the data); an unpartitioned dataset
    /// always has its single partition.
    /// </summary>
    internal static bool Exists(DatasetDefinition dataset, string partition, IReadOnlyList<InputSelection> selections) =>
        dataset.Partition.IsUnpartitioned
            ? partition == PartitionKeySpec.SinglePartition
            : selections.Any(s => s.Input.Mapping.Kind != MappingKind.All && s.Parts.Any(p => p.Partition == partition));

    /// <summary>Every partition the dataset has or could have: the keys of its identity- and window-mapped inputs.</summary>
    internal static async Task<IEnumerable<string>> AllKeysAsync(DatasetDefinition dataset, InputResolver keys, CancellationToken ct)
    {
        if (dataset.Partition.IsUnpartitioned)
        {
            return [PartitionKeySpec.SinglePartition];
        }

        var all = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var input in dataset.Inputs.Where(i => i.Mapping.Kind != MappingKind.All))
        {
            all.UnionWith(await keys.KeysAsync(input.Name, ct));
        }

        return all;
    }

    private async Task<Dictionary<string, PartitionRecord>> LoadAllAsync(string dataset, CancellationToken ct)
    {
        var all = new Dictionary<string, PartitionRecord>(StringComparer.Ordinal);
        await foreach (var record in partitions.ListAsync(dataset, ct))
        {
            all[record.Partition] = record;
        }

        return all;
    }

    private static string Describe(IEnumerable<string> partitions)
    {
        var list = partitions.Distinct().ToList();
        return list.Count <= 3 ? string.Join(", ", list) : $"{string.Join(", ", list.Take(3))} and {list.Count - 3} more";
    }

    private DatasetDefinition Dataset(string name) =>
        catalog.PipelineOf(name)?.FindDataset(name) ?? throw new DefinitionException($"no dataset named '{name}'");
}
