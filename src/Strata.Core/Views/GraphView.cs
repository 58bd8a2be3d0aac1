using Strata.Runs;
using Strata.Schedules;

namespace Strata.Views;

/// <summary>One pipeline as the pipelines list shows it: what it holds, whether a run holds it, its last run.</summary>
public sealed record PipelineCard(string Name, string? Description, int Sources, int Datasets, string? ActiveRunId, bool Dirty, ScheduleView? Schedule, RunRecord? LastRun);

/// <summary>
/// The graph of a pipeline: sources and datasets with their state and counts, and the input
/// edges with their partition mapping. <see cref="GraphNode.Column"/> lays the graph out left to
/// right: sources at 0, every dataset one right of its furthest input.
/// </summary>
public sealed record GraphView(string Pipeline, string? Description, string? ActiveRunId, bool Dirty, ScheduleView? Schedule, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);

/// <summary>A source (layer <c>load</c>) or dataset (<c>integrate</c>, <c>action</c>) of the graph.</summary>
/// <param name="Name">The source's or dataset's name.</param>
/// <param name="Layer">load, integrate or action.</param>
/// <param name="Column">Position from the left: 0 for sources, one past the furthest input for datasets.</param>
/// <param name="State">What the node is coloured by.</param>
/// <param name="Partitions">Committed partitions.</param>
/// <param name="Rows">Rows over the committed partitions.</param>
/// <param name="Stale">Partitions a run would rebuild now (the plan's count).</param>
/// <param name="Failed">Partitions whose last build failed.</param>
/// <param name="Held">Partitions held by a failing error-severity check.</param>
/// <param name="UnparsedBlobs">Raw blobs not parsed yet under the current load spec (sources only).</param>
/// <param name="Grain">hour, day or month; null for a single-partition (<c>all</c>) source or dataset.</param>
/// <param name="SchemaVersion">The source's current schema version (sources only).</param>
/// <param name="LastRunId">The last run that committed a partition here.</param>
/// <param name="UpdatedAt">When that run committed.</param>
public sealed record GraphNode(
    string Name,
    string Layer,
    int Column,
    NodeState State,
    long Partitions,
    long Rows,
    int Stale,
    int Failed,
    int Held,
    int UnparsedBlobs,
    string? Grain,
    int? SchemaVersion,
    string? LastRunId,
    DateTimeOffset? UpdatedAt);

/// <summary>An input edge: <paramref name="To"/> reads <paramref name="From"/> through <paramref name="Mapping"/> (identity, all, window(n)).</summary>
public sealed record GraphEdge(string From, string To, string Mapping);
