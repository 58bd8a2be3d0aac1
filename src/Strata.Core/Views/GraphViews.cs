using Strata.Definitions;
using Strata.Planning;
using Strata.Status;
using Strata.Workflow.Contracts;

namespace Strata.Views;

/// <summary>
/// The pipelines list and each pipeline's graph. A graph reads the committed state (the dataset
/// summaries: O(datasets) rows) and the pipeline's plan, which reads only what changed since the
/// last run — so a graph costs the same at 10 partitions and at 100,000.
/// </summary>
public sealed class GraphViews(PipelineCatalog catalog, StatusService status, PipelinePlanner planner)
{
    public async Task<IReadOnlyList<PipelineCard>> PipelinesAsync(CancellationToken ct)
    {
        var cards = new List<PipelineCard>();
        foreach (var pipeline in catalog.Pipelines)
        {
            var state = await status.PipelineAsync(pipeline, ct);
            cards.Add(new PipelineCard(pipeline.Name, pipeline.Description, pipeline.Sources.Count, pipeline.Datasets.Count,
                state.ActiveRunId, state.Dirty, state.Schedule, state.RecentRuns.Count > 0 ? state.RecentRuns[0] : null));
        }

        return cards;
    }

    public async Task<GraphView> GraphAsync(PipelineDefinition pipeline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var state = await status.PipelineAsync(pipeline, ct);
        var plan = (await planner.PlanAsync(new RunRequest(pipeline.Name), ct)).Datasets.ToDictionary(d => d.Dataset, StringComparer.Ordinal);
        var columns = Columns(pipeline);
        var nodes = state.Datasets.Select(d =>
        {
            var planned = plan.GetValueOrDefault(d.Dataset);
            var stale = planned?.Partitions.Count ?? 0;
            var unparsed = planned?.UnparsedBlobs.Count ?? 0;
            var hasWork = stale > 0 || unparsed > 0 || planned?.Pending is not null;
            var nodeState = hasWork && state.ActiveRunId is not null ? NodeState.Running
                : d.FailedPartitions > 0 ? NodeState.Failed
                : d.Held > 0 ? NodeState.Held
                : hasWork ? NodeState.Stale
                : NodeState.UpToDate;
            var partition = pipeline.PartitionOf(d.Dataset);
            var grain = partition is null || partition.IsUnpartitioned ? null : partition.Grain.ToString().ToLowerInvariant();
            return new GraphNode(d.Dataset, d.Layer, columns[d.Dataset], nodeState, d.Partitions, d.Rows, stale, d.FailedPartitions, d.Held, unparsed,
                grain, d.SchemaVersion, d.LastRunId, d.UpdatedAt);
        }).ToList();
        var edges = pipeline.Datasets.SelectMany(d => d.Inputs.Select(i => new GraphEdge(i.Name, d.Name, i.Mapping.ToString()))).ToList();
        return new GraphView(pipeline.Name, pipeline.Description, state.ActiveRunId, state.Dirty, state.Schedule, nodes, edges);
    }

    // Datasets come in dependency order, so each one's inputs already have their column.
    private static Dictionary<string, int> Columns(PipelineDefinition pipeline)
    {
        var columns = pipeline.Sources.ToDictionary(s => s.Name, _ => 0, StringComparer.Ordinal);
        foreach (var dataset in pipeline.Datasets)
        {
            columns[dataset.Name] = 1 + dataset.Inputs.Max(i => columns.GetValueOrDefault(i.Name));
        }

        return columns;
    }
}
