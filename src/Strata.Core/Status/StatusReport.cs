using Strata.Runs;

namespace Strata.Status;

/// <summary>What <c>strata status</c> shows: every pipeline, its recent runs and its datasets; landing blobs nobody owns.</summary>
public sealed record StatusReport(IReadOnlyList<PipelineStatus> Pipelines, IReadOnlyList<string> UnownedLandingBlobs);

/// <summary>One pipeline's state; <paramref name="ActiveRunId"/> is the run holding the pipeline's lease now, if any.</summary>
public sealed record PipelineStatus(string Pipeline, string? ActiveRunId, bool Dirty, IReadOnlyList<RunRecord> RecentRuns, IReadOnlyList<DatasetStatus> Datasets)
{
    /// <summary>The pipeline's schedule and when its next run is due; null when it has none.</summary>
    public Schedules.ScheduleView? Schedule { get; init; }
}

/// <summary>One source's or dataset's committed state.</summary>
public sealed record DatasetStatus(string Dataset, string Layer, long Partitions, long Rows, int FailedPartitions, string? LastRunId, DateTimeOffset? UpdatedAt, int? SchemaVersion)
{
    /// <summary>Partitions held by a failing error check (downstream does not build from them).</summary>
    public int Held { get; init; }

    /// <summary>Rows quarantined under the source's current load spec (sources only; see <c>Quality/Quarantine</c>).</summary>
    public long QuarantinedRows { get; init; }

    /// <summary>Raw files quarantined as a whole under the source's current load spec (sources only).</summary>
    public int QuarantinedFiles { get; init; }

    /// <summary>The newest semantic drift events, newest run first (at most <see cref="StatusService.RecentDrift"/>).</summary>
    public IReadOnlyList<string> DataDrift { get; init; } = [];
}

/// <summary>A committed partition as the partitions API lists it.</summary>
public sealed record PartitionView(string Partition, long Rows, string OutputHash, string Fingerprint, string Output, IReadOnlyList<string> Extra, string RunId, DateTimeOffset CommittedAt, int SchemaVersion);
