using Strata.Workflow.Contracts;

namespace Strata.Planning;

/// <summary>
/// What a run of a pipeline would do now, and why: per source and dataset, the partitions that
/// are stale with their reason, and the raw blobs not parsed yet. Nothing is written to make it.
/// </summary>
public sealed record PipelinePlan(string Pipeline, IReadOnlyList<DatasetPlanView> Datasets)
{
    /// <summary>The pipeline's schedule and when its next run is due; null when it has none.</summary>
    public Schedules.ScheduleView? Schedule { get; init; }

    /// <summary>
    /// True when a run would build nothing. Partitions blocked by a held input are listed but do
    /// not count: a run leaves them until the input is released (a fix, a replay or an acceptance).
    /// </summary>
    public bool NothingStale => Datasets.All(d => d.Stale == 0 && d.UnparsedBlobs.Count == 0 && d.Pending is null);
}

/// <summary>The plan of one source or dataset.</summary>
/// <param name="Dataset">Source or dataset name.</param>
/// <param name="Layer">load, integrate or action.</param>
/// <param name="Partitions">Stale partitions with their reason and detail, and those blocked by a held input (reason blocked, detail naming the check and input partition).</param>
/// <param name="UnparsedBlobs">Raw blobs landed but not yet parsed under the current load spec (load only); the partitions they touch are known once parsed.</param>
/// <param name="UpToDate">Candidates found up to date.</param>
/// <param name="Pending">Set when an input has raw data not parsed yet: which partitions it touches (and so which of these are re-evaluated) is known only once it is parsed.</param>
public sealed record DatasetPlanView(string Dataset, string Layer, IReadOnlyList<PlanItem> Partitions, IReadOnlyList<string> UnparsedBlobs, int UpToDate, string? Pending = null)
{
    /// <summary>The listed partitions a run would build: all but those blocked by a held input.</summary>
    public int Stale => Partitions.Count(p => p.Reason != StaleReason.Blocked);

    /// <summary>The listed partitions waiting for a held input partition (reason <see cref="StaleReason.Blocked"/>).</summary>
    public int Blocked => Partitions.Count - Stale;
}
