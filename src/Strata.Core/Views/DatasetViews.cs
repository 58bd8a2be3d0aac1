using Strata.Definitions;
using Strata.Partitions;
using Strata.Planning;
using Strata.Schemas;
using Strata.Workflow.Contracts;

namespace Strata.Views;

/// <summary>
/// A source's or dataset's page: its overview (summary, failures, the plan's stale partitions)
/// and its committed partitions a page of columns at a time, one range query per page — so the
/// page costs the same at 10 partitions and at 100,000 until someone scrolls.
/// </summary>
public sealed class DatasetViews(PipelinePlanner planner, PartitionStore partitions, SchemaStore schemas, Quality.QualityStore quality)
{
    /// <summary>
    /// How many stale partitions an overview lists; a plan can name every partition of a large
    /// dataset (a forced run, a changed SQL), and a page needs the count and a sample, not all.
    /// </summary>
    public const int MaxStaleListed = 1000;

    /// <summary>The overview: the dataset's summary row, its failure markers and the pipeline's plan — no partition is listed.</summary>
    public async Task<DatasetView> DatasetAsync(PipelineDefinition pipeline, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var summary = await partitions.GetSummaryAsync(name, ct);
        var failures = (await partitions.FailuresAsync(name, ct)).Select(f => f with { ETag = null }).ToList();
        var source = pipeline.FindSource(name);
        int? version = source is null ? null : (await schemas.CurrentAsync(name, ct)).Version;
        var plan = (await planner.PlanAsync(new RunRequest(pipeline.Name), ct)).Datasets.Single(d => d.Dataset == name);
        var spec = pipeline.PartitionOf(name)!;
        var inputs = pipeline.FindDataset(name)?.Inputs.Select(i => new GraphEdge(i.Name, name, i.Mapping.ToString())).ToList() ?? [];
        return new DatasetView(
            pipeline.Name,
            name,
            source is null ? pipeline.FindDataset(name)!.Layer.ToString().ToLowerInvariant() : "load",
            spec.Key,
            spec.IsUnpartitioned ? null : spec.Grain.ToString().ToLowerInvariant(),
            summary?.Partitions ?? 0,
            summary?.Rows ?? 0,
            summary?.LastRunId,
            summary?.UpdatedAt,
            version,
            inputs,
            pipeline.DownstreamOf(name).Select(d => d.Name).ToList(),
            failures,
            plan.Partitions.Count,
            plan.Partitions.Take(MaxStaleListed).ToList(),
            plan.UnparsedBlobs,
            plan.Pending)
        {
            Held = [.. (await quality.HeldAsync(name, ct)).Select(h => new HeldPartition(h.Key, h.Value))],
        };
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
