using Strata.Runs;
using Strata.Storage;
using Strata.Workflow.Contracts;

namespace Strata.Workflow;

/// <summary>Turns plans and build results into the per-dataset lines of a run summary.</summary>
internal static class Summaries
{
    /// <summary>A source's line: its partitions, plus each raw blob whose parse failed (a failure, retried) or that was quarantined as a file.</summary>
    public static DatasetRunSummary ForSource(DatasetPlan plan, IReadOnlyList<ParseSummary> parsed, IReadOnlyList<BuildResult> results)
    {
        var partitions = ForDataset(plan, results);
        var parseFailures = parsed.Where(p => p.ParseError is not null).Select(p => $"raw/{p.RawPath}: {p.ParseError}").ToList();
        return partitions with
        {
            BlobsParsed = parsed.Count(p => !p.Reused && p.ParseError is null),
            RowsIn = parsed.Sum(p => p.RowsRead),
            RowsQuarantined = parsed.Sum(p => p.RowsQuarantined),
            Failed = partitions.Failed + parseFailures.Count,
            Failures = BoundedText.List([.. parseFailures, .. partitions.Failures]),
            FilesQuarantined = BoundedText.List([.. parsed.Where(p => p.FileError is not null && !p.Reused).Select(p => $"raw/{p.RawPath}: {p.FileError}")]),
            FileQuarantines = parsed.Count(p => p.FileError is not null && !p.Reused),
        };
    }

    public static DatasetRunSummary ForDataset(DatasetPlan plan, IReadOnlyList<BuildResult> results) => new()
    {
        Dataset = plan.Dataset,
        Layer = plan.Layer,
        Built = results.Count(r => r.Outcome == BuildOutcome.Built),
        Unchanged = results.Count(r => r.Outcome == BuildOutcome.Unchanged),
        // Up to date: committed and not stale when planned, plus stale ones another run committed first.
        Skipped = plan.UpToDate + results.Count(r => r.Outcome == BuildOutcome.Skipped),
        Failed = results.Count(r => r.Outcome == BuildOutcome.Failed),
        RowsIn = results.Sum(r => r.RowsIn),
        RowsWritten = results.Where(r => r.Outcome is BuildOutcome.Built or BuildOutcome.Unchanged).Sum(r => r.RowsWritten),
        DriftEvents = plan.DriftEvents,
        Failures = results.Where(r => r.Outcome == BuildOutcome.Failed).Select(r => $"{r.Partition}: {r.Error}").Take(100).ToList(),
    };

    /// <summary>Adds what quality found: checks run and failed, partitions held, partitions blocked by a held input.</summary>
    public static DatasetRunSummary WithQuality(DatasetRunSummary summary, DatasetPlan plan, Quality.CheckSummary checks) => summary with
    {
        ChecksRun = checks.Run,
        ChecksFailed = checks.Warnings + checks.Errors,
        Held = checks.Held,
        Blocked = BoundedText.List([.. (plan.Blocked ?? []).Select(b => $"{b.Partition}: {b.Detail}")]),
    };

    public static DatasetRunSummary Failed(string dataset, string layer, string error) => new()
    {
        Dataset = dataset,
        Layer = layer,
        Failed = 1,
        Failures = [$"(plan): {BoundedText.Message(error)}"],
    };
}
