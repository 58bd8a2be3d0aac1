namespace Strata.Runs;

/// <summary>A run's state, named as Durable Functions names orchestration states where they overlap.</summary>
public enum RunStatus
{
    Pending,
    Running,
    Completed,

    /// <summary>The run finished but some partitions failed; they are retried by the next run.</summary>
    CompletedWithFailures,

    /// <summary>
    /// Every partition built, but a source's data needs a look: it quarantined more than its
    /// <c>max_quarantine_ratio</c> of its rows, or a whole file (see <see cref="DatasetRunSummary.Warnings"/>).
    /// Failures outrank warnings: a run with both ends <see cref="CompletedWithFailures"/>.
    /// </summary>
    CompletedWithWarnings,
    Failed,

    /// <summary>Nothing ran: another run held the pipeline's lease (see <see cref="RunSummary.Refused"/>).</summary>
    Refused,
}
