using Strata.Definitions;
using Strata.Land;
using Strata.Partitions;
using Strata.Runs;
using Strata.Schemas;
using Strata.Storage;

namespace Strata.Status;

/// <summary>Reads state for <c>strata status</c> and the HTTP API: O(datasets) rows, never a partition scan (except when listing partitions).</summary>
public sealed class StatusService(
    PipelineCatalog catalog, PipelineStateStore states, RunStore runs, PartitionStore partitions, SchemaStore schemas, ReceiptStore receipts, Schedules.ScheduleStore schedules, TimeProvider time,
    Quality.QualityStore quality, Quality.Quarantine.QuarantineTally quarantine, Quality.Drift.DataDriftStore drift)
{
    /// <summary>How many drift events <c>status</c> shows per source or dataset; the API's quality view lists more.</summary>
    public const int RecentDrift = 5;

    public async Task<StatusReport> ReportAsync(CancellationToken ct)
    {
        var pipelines = new List<PipelineStatus>();
        foreach (var pipeline in catalog.Pipelines)
        {
            pipelines.Add(await PipelineAsync(pipeline, ct));
        }

        return new StatusReport(pipelines, (await receipts.UnownedAsync(ct)).Select(u => u.Name).ToList());
    }

    public async Task<PipelineStatus> PipelineAsync(PipelineDefinition pipeline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var state = await states.GetAsync(pipeline.Name, ct);
        var datasets = new List<DatasetStatus>();
        foreach (var (name, layer) in pipeline.Sources.Select(s => (s.Name, "load")).Concat(pipeline.Datasets.Select(d => (d.Name, d.Layer.ToString().ToLowerInvariant()))))
        {
            var summary = await partitions.GetSummaryAsync(name, ct);
            var failures = await partitions.FailuresAsync(name, ct);
            int? version = layer == "load" ? (await schemas.CurrentAsync(name, ct)).Version : null;
            var quarantined = layer == "load" ? await quarantine.GetAsync(name, ct) : new Quality.Quarantine.QuarantineTotals(0, 0);
            datasets.Add(new DatasetStatus(name, layer, summary?.Partitions ?? 0, summary?.Rows ?? 0, failures.Count, summary?.LastRunId, summary?.UpdatedAt, version)
            {
                // One range read over markers that exist only while a partition is held.
                Held = (await quality.HeldAsync(name, ct)).Count,
                QuarantinedRows = quarantined.Rows,
                QuarantinedFiles = quarantined.Files,
                DataDrift = [.. (await drift.RecentAsync(name, RecentDrift, ct)).Select(e => $"{e.RunId}: {e}")],
            });
        }

        // A run whose lease lapsed (its process crashed) is not running, whatever the row still names.
        var active = state.IsHeldAt(time.GetUtcNow()) ? state.ActiveRunId : null;
        return new PipelineStatus(pipeline.Name, active, state.Dirty, await runs.RecentAsync(pipeline.Name, 5, ct), datasets)
        {
            Schedule = await schedules.ViewAsync(pipeline, ct),
        };
    }

    /// <summary>Committed partitions of a dataset, optionally within a key range, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<PartitionView>> PartitionsAsync(string dataset, string? from, string? to, int limit, CancellationToken ct)
    {
        var container = ContainerOf(dataset);
        var list = new List<PartitionView>();
        await foreach (var p in partitions.ListAsync(dataset, ct))
        {
            if ((from is not null && string.CompareOrdinal(p.Partition, from) < 0) || (to is not null && string.CompareOrdinal(p.Partition, to) > 0))
            {
                continue;
            }

            list.Add(new PartitionView(p.Partition, p.Rows, p.OutputHash, p.Fingerprint, $"{container}/{p.OutputPath}", p.ExtraPaths.Select(e => $"{container}/{e}").ToList(), p.RunId, p.CommittedAt, p.SchemaVersion));
            if (list.Count == limit)
            {
                break;
            }
        }

        return list;
    }

    private string ContainerOf(string name) => LakeContainers.ForOutput(catalog, name);
}
