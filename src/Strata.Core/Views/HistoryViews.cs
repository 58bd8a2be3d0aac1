using Strata.Definitions;
using Strata.Land;
using Strata.Lineage;
using Strata.Runs;
using Strata.Schemas;

namespace Strata.Views;

/// <summary>What happened over time: a pipeline's runs, its sources' schema versions and drift, and where a raw blob went.</summary>
public sealed class HistoryViews(PipelineStateStore states, TimeProvider time, RunStore runs, SchemaStore schemas, ReceiptStore receipts, LineageService lineage, Quality.Drift.DataDriftStore drift)
{
    /// <summary>The most semantic drift events the quality view lists per source or dataset.</summary>
    public const int DriftPerDataset = 100;

    public async Task<RunHistory> RunsAsync(PipelineDefinition pipeline, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        // A run whose lease lapsed (its process crashed) is not running, whatever the row still names.
        var state = await states.GetAsync(pipeline.Name, ct);
        var active = state.IsHeldAt(time.GetUtcNow()) ? state.ActiveRunId : null;
        return new RunHistory(pipeline.Name, active, await runs.RecentAsync(pipeline.Name, limit, ct));
    }

    public async Task<SchemaHistory> SchemasAsync(PipelineDefinition pipeline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var sources = new List<SourceSchemas>();
        foreach (var source in pipeline.Sources)
        {
            var versions = await schemas.VersionsAsync(source.Name, ct);
            sources.Add(new SourceSchemas(source.Name, versions.Count == 0 ? 0 : versions[^1].Version, versions));
        }

        var events = new List<Quality.Drift.DataDriftEvent>();
        foreach (var name in pipeline.Sources.Select(s => s.Name).Concat(pipeline.Datasets.Select(d => d.Name)))
        {
            events.AddRange(await drift.RecentAsync(name, DriftPerDataset, ct));
        }

        return new SchemaHistory(pipeline.Name, sources) { DataDrift = events };
    }

    public async Task<RawBlobView> RawAsync(string source, string sha, CancellationToken ct) =>
        new(source, sha, await receipts.GetAsync(source, sha, ct), await lineage.FromRawAsync(source, sha, ct));
}
