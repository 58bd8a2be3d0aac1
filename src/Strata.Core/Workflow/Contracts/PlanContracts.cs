namespace Strata.Workflow.Contracts;

/// <summary>Why a partition is stale.</summary>
public enum StaleReason
{
    /// <summary>New raw data touches it (load), or it is a partition that does not exist yet.</summary>
    NewData,

    /// <summary>An input partition's output changed; the detail names which.</summary>
    InputChanged,

    /// <summary>The dataset's SQL text changed.</summary>
    SqlChanged,

    /// <summary>The engine version, mappings, partition key or product formats changed.</summary>
    DefinitionChanged,

    /// <summary>The source's load spec changed (format, hints, drift, PII rules or key).</summary>
    LoadSpecChanged,

    /// <summary>The run was forced.</summary>
    Forced,

    /// <summary>Its last build failed; it is retried.</summary>
    PreviouslyFailed,

    /// <summary>Plan only: an upstream partition is itself stale, so this one will be re-evaluated once that is rebuilt.</summary>
    UpstreamStale,

    /// <summary>
    /// Not built: an input partition it reads is held by a failing error check. It is built by the
    /// first run after that input passes or is accepted; the detail names the check and partition.
    /// </summary>
    Blocked,
}

/// <summary>One partition to (re)build, with its expected input fingerprint and why.</summary>
public sealed record PlanItem(string Partition, string Fingerprint, StaleReason Reason, string Detail);

/// <summary>Input of PlanDataset.</summary>
public sealed record PlanDatasetInput(string RunId, long RunNumber, RunRequest Request, string Dataset);

/// <summary>
/// The plan of one source or dataset: the stale partitions and what to record once they are
/// built (the code hash and the input positions consumed). <c>Candidates</c>: partitions whose
/// fingerprint was computed (what changed since the last run); <c>UpToDate</c>: committed partitions
/// (in the request's range) that are not stale — the dataset summary's count less the stale ones
/// already committed. <c>Blocked</c>: stale partitions not built because an input they read is held
/// (reason <see cref="StaleReason.Blocked"/>).
/// </summary>
public sealed record DatasetPlan(
    string Dataset,
    string Layer,
    string CodeHash,
    IReadOnlyDictionary<string, long> Seen,
    IReadOnlyList<PlanItem> Items,
    int Candidates,
    IReadOnlyList<string> DriftEvents,
    string? SqlHash = null,
    int UpToDate = 0,
    IReadOnlyList<PlanItem>? Blocked = null);
