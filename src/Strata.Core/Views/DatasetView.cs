using Strata.Partitions;
using Strata.Workflow.Contracts;

namespace Strata.Views;

/// <summary>
/// One source or dataset as its page shows it: how it is partitioned, its committed totals, its
/// inputs and readers, the partitions that failed and those a run would rebuild now (with why).
/// The partitions themselves come a page at a time from <see cref="PartitionGrid"/>.
/// </summary>
/// <param name="Pipeline">The pipeline it belongs to.</param>
/// <param name="Dataset">The source's or dataset's name.</param>
/// <param name="Layer">load, integrate or action.</param>
/// <param name="PartitionKey">The key's name in lake paths (<c>entry_date</c>; <c>all</c> when unpartitioned).</param>
/// <param name="Grain">hour, day or month; null for a single-partition (<c>all</c>) source or dataset.</param>
/// <param name="Partitions">Committed partitions (the summary's count).</param>
/// <param name="Rows">Rows over the committed partitions.</param>
/// <param name="LastRunId">The last run that committed a partition here.</param>
/// <param name="UpdatedAt">When that run committed.</param>
/// <param name="SchemaVersion">The source's current schema version (sources only).</param>
/// <param name="Inputs">What it reads and through which mapping (datasets only).</param>
/// <param name="Readers">The datasets that read it.</param>
/// <param name="Failures">Partitions whose last build failed, with the error; the next run retries them.</param>
/// <param name="StaleCount">Partitions a run would rebuild now.</param>
/// <param name="Stale">The plan's stale partitions with their reason, at most <see cref="DatasetViews.MaxStaleListed"/>.</param>
/// <param name="UnparsedBlobs">Raw blobs not parsed yet (sources only): the partitions they touch are known once parsed.</param>
/// <param name="Pending">Set when an input has data not parsed yet: which partitions it reaches is known once parsed.</param>
public sealed record DatasetView(
    string Pipeline,
    string Dataset,
    string Layer,
    string PartitionKey,
    string? Grain,
    long Partitions,
    long Rows,
    string? LastRunId,
    DateTimeOffset? UpdatedAt,
    int? SchemaVersion,
    IReadOnlyList<GraphEdge> Inputs,
    IReadOnlyList<string> Readers,
    IReadOnlyList<FailureMarker> Failures,
    int StaleCount,
    IReadOnlyList<PlanItem> Stale,
    IReadOnlyList<string> UnparsedBlobs,
    string? Pending)
{
    /// <summary>Partitions held by a failing error check, with the check holding each (the grid shows them as held).</summary>
    public IReadOnlyList<HeldPartition> Held { get; init; } = [];
}

/// <summary>A held partition and the check that holds it.</summary>
public sealed record HeldPartition(string Partition, string Check);
