using System.Text;
using Strata.Runs;

namespace Strata.Cli.Output;

/// <summary>Prints a run summary: one line per source or dataset, then drift, failures and totals.</summary>
internal static class RunPrinter
{
    public static string Format(RunSummary run)
    {
        var text = new StringBuilder();
        text.Append($"run {run.RunId}: {run.Status}");
        if (run.EndedAt is { } ended)
        {
            text.Append($" in {(ended - run.StartedAt).TotalSeconds:0.0}s");
        }

        text.Append('\n');
        if (run.Landing.Landed + run.Landing.Duplicates + run.Landing.Unowned > 0)
        {
            text.Append($"landing: {run.Landing.Landed} landed, {run.Landing.Duplicates} duplicate, {run.Landing.Unowned} unowned\n");
        }

        var table = new TextTable("layer", "dataset", "built", "unchanged", "up to date", "failed", "rows in", "rows written", "quarantined");
        foreach (var d in run.Datasets)
        {
            table.Add(d.Layer, d.Dataset, d.Built, d.Unchanged, d.Skipped, d.Failed, d.RowsIn, d.RowsWritten, d.RowsQuarantined);
        }

        text.Append(table);
        foreach (var d in run.Datasets)
        {
            foreach (var drift in d.DriftEvents)
            {
                text.Append($"drift  {d.Dataset}: {TerminalText.Escape(drift)}\n");
            }

            foreach (var failure in d.Failures)
            {
                text.Append($"FAILED {d.Dataset} {TerminalText.Escape(StorageErrors.Shorten(failure))}\n");
            }

            foreach (var file in d.FilesQuarantined)
            {
                text.Append($"quarantined file {d.Dataset} {file}\n");
            }

            foreach (var blocked in d.Blocked)
            {
                text.Append($"blocked {d.Dataset} {TerminalText.Escape(blocked)}\n");
            }

            foreach (var drift in d.DataDrift)
            {
                text.Append($"data drift {d.Dataset} {TerminalText.Escape(drift)}\n");
            }

            foreach (var warning in d.Warnings)
            {
                text.Append($"WARNING {d.Dataset} {TerminalText.Escape(warning)}\n");
            }
        }

        text.Append($"total: {run.PartitionsBuilt} partitions built, {run.PartitionsSkipped} up to date, {run.PartitionsFailed} failed; ")
            .Append($"{run.RowsIn} rows in, {run.RowsWritten} written, {run.RowsQuarantined} quarantined, {run.FilesQuarantined} file(s) quarantined; {run.DataDriftEvents} data drift event(s)\n");
        return text.ToString();
    }
}
