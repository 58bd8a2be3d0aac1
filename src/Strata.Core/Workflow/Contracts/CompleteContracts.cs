namespace Strata.Workflow.Contracts;

/// <summary>
/// Input of CompleteDataset: makes sure every failed partition has a failure marker, then records
/// the code hash and consumed input positions — unless the run was limited to some datasets or
/// partitions (<paramref name="Advance"/> false), so the next full run still sees every change.
/// </summary>
public sealed record CompleteDatasetInput(
    string RunId,
    long RunNumber,
    string Dataset,
    string CodeHash,
    string? SqlHash,
    IReadOnlyDictionary<string, long> Seen,
    bool Advance,
    IReadOnlyList<PartitionFailure> Failures);

/// <summary>A partition that failed in this run, with its planned fingerprint and the error.</summary>
public sealed record PartitionFailure(string Partition, string Fingerprint, string Error);

/// <summary>Input of CompleteRun.</summary>
public sealed record CompleteRunInput(Runs.RunSummary Summary);

/// <summary>Whether landings arrived during the run, so the workflow continues as new.</summary>
public sealed record RunEnded(bool ContinueAsNew);
