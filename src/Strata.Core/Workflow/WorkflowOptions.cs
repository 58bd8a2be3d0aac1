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

    /// <summary>Activities the local host runs at once. Default: the processor count (at least 2).</summary>
    public int LocalParallelism { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Attempts per activity for transient storage errors (the first try included). Default 4.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry; doubles each time. Default 1 s.</summary>
    public TimeSpan FirstRetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound on the retry delay. Default 30 s.</summary>
    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromSeconds(30);
}
