namespace Strata.Workflow.Contracts;

/// <summary>How one partition build ended.</summary>
public enum BuildOutcome
{
    /// <summary>Built and committed with new rows.</summary>
    Built,

    /// <summary>Rebuilt and committed, but its rows hash the same as before: nothing downstream moves.</summary>
    Unchanged,

    /// <summary>Its fingerprint was already committed (a replay, a retry, or another run got there first).</summary>
    Skipped,

    /// <summary>Failed; a failure marker makes the next run retry it.</summary>
    Failed,
}

/// <summary>Input of BuildLoadPartition and BuildDatasetPartition.</summary>
public sealed record BuildInput(string RunId, long RunNumber, string Dataset, string Partition, string Fingerprint, bool Force);

/// <summary>The result of one partition build.</summary>
public sealed record BuildResult(string Partition, BuildOutcome Outcome, long RowsIn, long RowsWritten, string? OutputHash, string? Error)
{
    /// <summary>Bytes of the files a committed build wrote (Parquet and any product copies); 0 when it committed nothing.</summary>
    public long Bytes { get; init; }
}

/// <summary>Input of the BuildBatch sub-workflow: one slice of a large fan-out, with the run's retry policy.</summary>
public sealed record BuildBatchInput(string Activity, string RunId, long RunNumber, string Dataset, bool Force, IReadOnlyList<PlanItem> Items, ActivityRetry Retry)
{
    /// <summary>Partitions per activity call (the run's <see cref="RunStarted.PartitionsPerActivity"/>); 0 or 1 = one per partition.</summary>
    public int PartitionsPerActivity { get; init; }
}

/// <summary>
/// Input of BuildLoadPartitions and BuildDatasetPartitions: up to
/// <c>WorkflowOptions.PartitionsPerActivity</c> stale partitions of one dataset, built in one activity.
/// </summary>
public sealed record BuildPartitionsInput(string RunId, long RunNumber, string Dataset, IReadOnlyList<PlanItem> Items, bool Force)
{
    /// <summary>Each partition's build, as the one-partition activities take it.</summary>
    public IReadOnlyList<BuildInput> Builds() => Items.Select(i => new BuildInput(RunId, RunNumber, Dataset, i.Partition, i.Fingerprint, Force)).ToList();
}
