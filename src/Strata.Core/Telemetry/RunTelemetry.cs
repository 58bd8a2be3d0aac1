using System.Diagnostics;
using Strata.Runs;

namespace Strata.Telemetry;

/// <summary>
/// What a finished run reports: its span (start and end are the run's, set after the fact,
/// because the workflow itself must not touch telemetry) and its per-dataset counters.
/// </summary>
public static class RunTelemetry
{
    public static void Record(RunSummary run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var status = run.Status.ToString();
        var pipeline = new KeyValuePair<string, object?>("strata.pipeline", run.Pipeline);
        StrataTelemetry.Runs.Add(1, pipeline, new("strata.status", status));
        if (run.EndedAt is { } ended)
        {
            StrataTelemetry.RunDuration.Record((ended - run.StartedAt).TotalSeconds, pipeline, new("strata.status", status));
        }

        using (var span = StrataTelemetry.Source.StartActivity("strata.run", ActivityKind.Internal, parentContext: default, startTime: run.StartedAt))
        {
            span?.SetTag("strata.pipeline", run.Pipeline);
            span?.SetTag("strata.run_id", run.RunId);
            span?.SetTag("strata.status", status);
            span?.SetTag("strata.partitions.built", run.PartitionsBuilt);
            span?.SetTag("strata.partitions.failed", run.PartitionsFailed);
            span?.SetTag("strata.rows.quarantined", run.RowsQuarantined);
            span?.SetTag("strata.drift.events", run.DataDriftEvents);
            span?.SetStatus(run.Status is RunStatus.Failed or RunStatus.CompletedWithFailures ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
            if (run.EndedAt is { } end)
            {
                span?.SetEndTime(end.UtcDateTime);
            }
        }

        foreach (var d in run.Datasets)
        {
            var dataset = new KeyValuePair<string, object?>("strata.dataset", d.Dataset);
            var layer = new KeyValuePair<string, object?>("strata.layer", d.Layer);
            Add(StrataTelemetry.Partitions, d.Built, pipeline, dataset, layer, new("strata.outcome", "built"));
            Add(StrataTelemetry.Partitions, d.Unchanged, pipeline, dataset, layer, new("strata.outcome", "unchanged"));
            Add(StrataTelemetry.Partitions, d.Skipped, pipeline, dataset, layer, new("strata.outcome", "up_to_date"));
            Add(StrataTelemetry.Partitions, d.Failed, pipeline, dataset, layer, new("strata.outcome", "failed"));
            Add(StrataTelemetry.Partitions, d.Held, pipeline, dataset, layer, new("strata.outcome", "held"));
            Add(StrataTelemetry.Rows, d.RowsIn, pipeline, dataset, layer, new("strata.kind", "in"));
            Add(StrataTelemetry.Rows, d.RowsWritten, pipeline, dataset, layer, new("strata.kind", "written"));
            Add(StrataTelemetry.Rows, d.RowsQuarantined, pipeline, dataset, layer, new("strata.kind", "quarantined"));
            Add(StrataTelemetry.FilesQuarantined, d.FileQuarantines, pipeline, dataset, layer, new("strata.outcome", "quarantined"));
            if (d.Layer == "load" && d.RowsIn > 0)
            {
                StrataTelemetry.QuarantineRatio.Record((double)d.RowsQuarantined / d.RowsIn, pipeline, dataset);
            }
        }
    }

    /// <summary>Zero is not recorded: a dataset with nothing failed adds no failed series.</summary>
    private static void Add(System.Diagnostics.Metrics.Counter<long> counter, long value, params KeyValuePair<string, object?>[] tags)
    {
        if (value > 0)
        {
            counter.Add(value, tags);
        }
    }
}
