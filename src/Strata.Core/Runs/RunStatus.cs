namespace Strata.Runs;

/// <summary>A run's state, named as Durable Functions names orchestration states where they overlap.</summary>
public enum RunStatus
{
    Pending,
    Running,
    Completed,

    /// <summary>The run finished but some partitions failed; they are retried by the next run.</summary>
    CompletedWithFailures,
    Failed,

    /// <summary>Nothing ran: another run held the pipeline's lease (see <see cref="RunSummary.Refused"/>).</summary>
    Refused,
}
