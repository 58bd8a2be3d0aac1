namespace Strata.Workflow.Contracts;

/// <summary>
/// A started run and the pipeline's shape, read by the activity (not the workflow) so the
/// workflow stays free of I/O.
/// </summary>
/// <remarks>
/// <see cref="BatchSize"/> and <see cref="Retry"/> are read from configuration by the activity, so
/// they are fixed in the run's history: changing the settings mid-run cannot make a replay diverge.
/// </remarks>
public sealed record RunStarted(
    string RunId,
    long RunNumber,
    string Pipeline,
    DateTimeOffset StartedAt,
    IReadOnlyList<string> Sources,
    IReadOnlyList<DatasetStep> Datasets,
    int BatchSize,
    ActivityRetry Retry)
{
    /// <summary>
    /// Partitions per build activity (<see cref="WorkflowOptions.PartitionsPerActivity"/>), fixed in the
    /// run's history like <see cref="BatchSize"/>. 0, in the history of a run started before this
    /// existed, replays as 1: one activity per partition, the calls that run made.
    /// </summary>
    public int PartitionsPerActivity { get; init; }

    /// <summary>Set when another run held the pipeline's lease: no run number was allocated and the workflow ends at once.</summary>
    public Runs.LeaseRefusal? Refused { get; init; }
}

/// <summary>One integrate or action dataset as the workflow needs it: name, layer, and what it reads.</summary>
public sealed record DatasetStep(string Name, string Layer, IReadOnlyList<string> Inputs);

/// <summary>Input of StartRun.</summary>
public sealed record StartRunInput(RunRequest Request, DateTimeOffset RequestedAt);
