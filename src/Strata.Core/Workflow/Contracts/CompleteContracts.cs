namespace Strata.Workflow.Contracts;

/// <summary>
/// Input of CompleteDataset: records the code hash and consumed input positions, unless the run
/// was limited or some partitions failed (failures are retried through their markers either way).
/// </summary>
public sealed record CompleteDatasetInput(string RunId, long RunNumber, string Dataset, string CodeHash, string? SqlHash, IReadOnlyDictionary<string, long> Seen, bool Advance);

/// <summary>Input of CompleteRun.</summary>
public sealed record CompleteRunInput(Runs.RunSummary Summary);

/// <summary>Whether landings arrived during the run, so the workflow continues as new.</summary>
public sealed record RunEnded(bool ContinueAsNew);
