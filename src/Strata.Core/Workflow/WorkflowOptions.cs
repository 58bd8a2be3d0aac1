namespace Strata.Workflow;

/// <summary>How the workflow fans out. Bound from <c>Strata:Workflow</c>.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Strata:Workflow";

    /// <summary>
    /// Fan-outs larger than this are split into sub-workflows of this many activities each. Default
    /// 500: keeps each Durable history small (replay cost grows with history) while a typical
    /// daily run still needs no sub-orchestration.
    /// </summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Stale partitions of one dataset built by one activity call. Default 100: one activity then
    /// opens one DuckDB database, downloads each input file once, uploads in parallel and commits
    /// in entity-group transactions (at most 100 rows each), so the fixed cost of a call is shared
    /// by 100 small partitions, while a call on big partitions still ends well inside an
    /// activity's time limit. 1 = one activity per partition, as before. Each partition keeps its
    /// own fingerprint check, failure and conditional commit whatever this is.
    /// </summary>
    public int PartitionsPerActivity { get; set; } = 100;

    /// <summary>Activities the local host runs at once. Default: the processor count (at least 2).</summary>
    public int LocalParallelism { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Attempts per activity for transient storage errors (the first try included). Default 4.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry; doubles each time. Default 1 s.</summary>
    public TimeSpan FirstRetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound on the retry delay. Default 30 s.</summary>
    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromSeconds(30);
}
