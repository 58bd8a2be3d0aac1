using Strata.Workflow.Contracts;

namespace Strata.Workflow;

/// <summary>
/// Progress a run publishes as its custom status: the current layer and, per dataset, how many
/// partitions are planned and done. Built only from results the workflow already holds.
/// </summary>
internal sealed class RunProgress(string runId, string pipeline)
{
    private readonly Dictionary<string, DatasetProgress> _datasets = new(StringComparer.Ordinal);
    private string _layer = "start";

    public void Enter(string layer) => _layer = layer;

    public void Add(string dataset, int planned) => _datasets[dataset] = new DatasetProgress(planned, 0, 0, 0, 0);

    public void Complete(string dataset, IReadOnlyList<BuildResult> results) =>
        _datasets[dataset] = new DatasetProgress(
            results.Count,
            results.Count(r => r.Outcome == BuildOutcome.Built),
            results.Count(r => r.Outcome == BuildOutcome.Unchanged),
            results.Count(r => r.Outcome == BuildOutcome.Skipped),
            results.Count(r => r.Outcome == BuildOutcome.Failed));

    public RunStatusSnapshot Snapshot() => new(runId, pipeline, _layer, new Dictionary<string, DatasetProgress>(_datasets));
}

/// <summary>The custom status of a running workflow.</summary>
public sealed record RunStatusSnapshot(string RunId, string Pipeline, string Layer, IReadOnlyDictionary<string, DatasetProgress> Datasets);

/// <summary>Partitions planned, built (new rows), unchanged (rebuilt, same rows), skipped (already committed) and failed for one dataset so far.</summary>
public sealed record DatasetProgress(int Planned, int Built, int Unchanged, int Skipped, int Failed);
