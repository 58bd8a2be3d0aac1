using Strata.Definitions;
using Strata.Partitions;
using Strata.Planning;
using Strata.Status;
using Strata.Workflow.Contracts;

namespace Strata.Views;

/// <summary>
/// A source's or dataset's page: its overview (summary, failures, the plan's stale partitions)
/// and its committed partitions a page of columns at a time, one range query per page.
/// </summary>
public sealed class DatasetViews(StatusService status, PipelinePlanner planner, PartitionStore partitions)
{
    /// <summary>
    /// How many stale partitions an overview lists; a plan can name every partition of a large
    /// dataset (a forced run, a changed SQL), and a page needs the count and a sample, not all.
    /// </summary>
    public const int MaxStaleListed = 1000;

    public async Task<DatasetView> DatasetAsync(PipelineDefinition pipeline, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var state = (await status.PipelineAsync(pipeline, ct)).Datasets.Single(d => d.Dataset == name);
        var plan = (await planner.PlanAsync(new RunRequest(pipeline.Name), ct)).Datasets.Single(d => d.Dataset == name);
        var spec = pipeline.PartitionOf(name)!;
        var first = await partitions.FirstAsync(name, ct);
        var failures = (await partitions.FailuresAsync(name, ct)).Select(f => f with { ETag = null }).ToList();
        var inputs = pipeline.FindDataset(name)?.Inputs.Select(i => new GraphEdge(i.Name, name, i.Mapping.ToString())).ToList() ?? [];
        return new DatasetView(
            pipeline.Name,
            name,
            state.Layer,
            spec.Key,
            spec.IsUnpartitioned ? null : spec.Grain.ToString().ToLowerInvariant(),
            state.Partitions,
            state.Rows,
            first?.Partition,
            state.LastRunId,
            state.UpdatedAt,
            state.SchemaVersion,
            inputs,
            pipeline.DownstreamOf(name).Select(d => d.Name).ToList(),
            failures,
            plan.Partitions.Count,
            plan.Partitions.Take(MaxStaleListed).ToList(),
            plan.UnparsedBlobs,
            plan.Pending);
    }

    /// <summary>Up to <paramref name="limit"/> committed partitions with key ≥ <paramref name="from"/> (from the first when null).</summary>
    public async Task<PartitionGrid> GridAsync(string name, string? from, int limit, CancellationToken ct)
    {
        var keys = new List<string>(Math.Min(limit, 4096));
        var rows = new List<long>(keys.Capacity);
        var committed = new List<long>(keys.Capacity);
        var run = new List<int>(keys.Capacity);
        var runs = new List<string>();
        var runIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        string? next = null;
        await foreach (var entry in partitions.EntriesAsync(name, from, ct))
        {
            if (keys.Count == limit)
            {
                next = entry.Partition;
                break;
            }

            if (!runIndex.TryGetValue(entry.RunId, out var index))
            {
                runIndex[entry.RunId] = index = runs.Count;
                runs.Add(entry.RunId);
            }

            keys.Add(entry.Partition);
            rows.Add(entry.Rows);
            committed.Add(entry.CommittedAt.ToUnixTimeSeconds());
            run.Add(index);
        }

        return new PartitionGrid(name, keys, rows, committed, run, runs, next);
    }
}
