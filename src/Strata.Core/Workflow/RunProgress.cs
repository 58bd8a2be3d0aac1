using Strata.Workflow.Contracts;

namespace Strata.Workflow;

/// <summary>
/// Progress a run publishes as its custom status: the current layer, totals per layer, and the
/// <see cref="MaxDatasets"/> datasets most recently planned or finished. Built only from results
/// the workflow already holds.
/// </summary>
/// <remarks>
/// Bounded on purpose: Durable stores the custom status with the instance (the Azure Storage
/// provider keeps it in one table property, and it travels with every status query), so it must
/// not grow with the number of datasets. Twenty entries stay a few kilobytes whatever the pipeline;
/// the full per-dataset figures are in the run summary.
/// </remarks>
internal sealed class RunProgress(string runId, string pipeline)
{
    /// <summary>Datasets listed in a snapshot; the others are counted in <see cref="RunStatusSnapshot.DatasetsOmitted"/>.</summary>
    public const int MaxDatasets = 20;

    private static readonly string[] LayerOrder = ["load", "integrate", "action"];
    private readonly Dictionary<string, (string Layer, DatasetProgress Progress)> _datasets = new(StringComparer.Ordinal);
    private readonly List<string> _recent = [];
    private string _layer = "start";

    public void Enter(string layer) => _layer = layer;

    public void Add(string dataset, string layer, int planned) => Set(dataset, layer, new DatasetProgress(planned, 0, 0, 0, 0));

    public void Complete(string dataset, string layer, IReadOnlyList<BuildResult> results) =>
        Set(dataset, layer, new DatasetProgress(
            results.Count,
            results.Count(r => r.Outcome == BuildOutcome.Built),
            results.Count(r => r.Outcome == BuildOutcome.Unchanged),
            results.Count(r => r.Outcome == BuildOutcome.Skipped),
            results.Count(r => r.Outcome == BuildOutcome.Failed)));

    public RunStatusSnapshot Snapshot()
    {
        var layers = new Dictionary<string, DatasetProgress>(StringComparer.Ordinal);
        foreach (var layer in LayerOrder)
        {
            var inLayer = _datasets.Values.Where(d => d.Layer == layer).Select(d => d.Progress).ToList();
            if (inLayer.Count > 0)
            {
                layers[layer] = new DatasetProgress(
                    inLayer.Sum(p => p.Planned), inLayer.Sum(p => p.Built), inLayer.Sum(p => p.Unchanged), inLayer.Sum(p => p.Skipped), inLayer.Sum(p => p.Failed));
            }
        }

        var shown = _recent.TakeLast(MaxDatasets).ToList();
        var datasets = new Dictionary<string, DatasetProgress>(StringComparer.Ordinal);
        foreach (var name in shown)
        {
            datasets[name] = _datasets[name].Progress;
        }

        return new RunStatusSnapshot(runId, pipeline, _layer, datasets, layers, _datasets.Count - shown.Count);
    }

    private void Set(string dataset, string layer, DatasetProgress progress)
    {
        _datasets[dataset] = (layer, progress);
        _recent.Remove(dataset);
        _recent.Add(dataset);
    }
}

/// <summary>The custom status of a running workflow: bounded whatever the number of datasets.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Pipeline">Its pipeline.</param>
/// <param name="Layer">start, land, load, integrate, action or done.</param>
/// <param name="Datasets">The datasets most recently planned or finished (at most 20), oldest first.</param>
/// <param name="Layers">Totals per layer over every dataset planned so far.</param>
/// <param name="DatasetsOmitted">Datasets planned so far but not listed in <paramref name="Datasets"/>.</param>
public sealed record RunStatusSnapshot(
    string RunId,
    string Pipeline,
    string Layer,
    IReadOnlyDictionary<string, DatasetProgress> Datasets,
    IReadOnlyDictionary<string, DatasetProgress> Layers,
    int DatasetsOmitted);

/// <summary>Partitions planned, built (new rows), unchanged (rebuilt, same rows), skipped (already committed) and failed for one dataset or layer so far.</summary>
public sealed record DatasetProgress(int Planned, int Built, int Unchanged, int Skipped, int Failed);
