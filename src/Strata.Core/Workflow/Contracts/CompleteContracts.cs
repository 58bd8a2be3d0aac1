namespace Strata.Workflow.Contracts;

/// <summary>
/// Input of CompleteDataset: makes sure every failed partition has a failure marker, then records
/// the code hash and consumed input positions — unless the run was limited to some datasets or
/// partitions (<paramref name="Advance"/> false), so the next full run still sees every change.
/// <paramref name="Output"/> is what the step wrote, for its OpenLineage COMPLETE or FAIL event
/// (none from a workflow started before it existed: such a step emits no event).
/// </summary>
public sealed record CompleteDatasetInput(
    string RunId,
    long RunNumber,
    string Dataset,
    string CodeHash,
    string? SqlHash,
    IReadOnlyDictionary<string, long> Seen,
    bool Advance,
    IReadOnlyList<PartitionFailure> Failures,
    StepOutput? Output = null);

/// <summary>
/// What a dataset step wrote, as totals so it stays small at any fan-out: partitions planned and
/// committed (built, or rebuilt with identical rows), the rows and bytes committed, and the
/// greatest partition key committed (whose file shows the output's columns).
/// </summary>
public sealed record StepOutput(int Planned, int Written, long Rows, long Bytes, string? Latest);

/// <summary>A partition that failed in this run, with its planned fingerprint and the error.</summary>
public sealed record PartitionFailure(string Partition, string Fingerprint, string Error);

/// <summary>Input of CompleteRun.</summary>
public sealed record CompleteRunInput(Runs.RunSummary Summary);

/// <summary>Whether landings arrived during the run, so the workflow continues as new.</summary>
public sealed record RunEnded(bool ContinueAsNew);
