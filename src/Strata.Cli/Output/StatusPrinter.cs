using System.Text;
using Strata.Status;

namespace Strata.Cli.Output;

/// <summary>Prints <c>strata status</c>.</summary>
internal static class StatusPrinter
{
    public static string Format(StatusReport report)
    {
        var text = new StringBuilder();
        foreach (var p in report.Pipelines)
        {
            text.Append($"pipeline {p.Pipeline}");
            text.Append(p.ActiveRunId is null ? "" : $" (running {p.ActiveRunId})");
            text.Append(p.Dirty ? " (new data waiting)" : "");
            text.Append('\n');
            text.Append(SchedulePrinter.Line(p.Schedule, "  "));
            var table = new TextTable("  layer", "dataset", "partitions", "rows", "failed", "held", "quarantined rows", "quarantined files", "schema", "last run");
            foreach (var d in p.Datasets)
            {
                var load = d.Layer == "load";
                table.Add($"  {d.Layer}", d.Dataset, d.Partitions, d.Rows, d.FailedPartitions, d.Held, load ? d.QuarantinedRows : "", load ? d.QuarantinedFiles : "", d.SchemaVersion is { } v ? $"v{v}" : "", d.LastRunId);
            }

            text.Append(table);
            foreach (var d in p.Datasets)
            {
                foreach (var drift in d.DataDrift)
                {
                    text.Append($"  data drift {d.Dataset} {TerminalText.Escape(drift)}\n");
                }
            }

            foreach (var run in p.RecentRuns)
            {
                var took = run.EndedAt is { } end ? $" in {(end - run.StartedAt).TotalSeconds:0.0}s" : "";
                text.Append($"  run {run.RunId} {run.Status} at {run.StartedAt:yyyy-MM-dd HH:mm:ss}Z{took}\n");
            }

            text.Append('\n');
        }

        foreach (var name in report.UnownedLandingBlobs)
        {
            text.Append($"unowned landing blob: landing/{TerminalText.Escape(name)} (no source's landing prefix matches it)\n");
        }

        return text.ToString();
    }
}
