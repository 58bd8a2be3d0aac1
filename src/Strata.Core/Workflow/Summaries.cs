using Strata.Runs;
using Strata.Workflow.Contracts;

namespace Strata.Workflow;

/// <summary>Turns plans and build results into the per-dataset lines of a run summary.</summary>
internal static class Summaries
{
    public static DatasetRunSummary ForSource(DatasetPlan plan, IReadOnlyList<ParseSummary> parsed, IReadOnlyList<BuildResult> results) =>
        ForDataset(plan, results) with
        {
            BlobsParsed = parsed.Count(p => !p.Reused),
            RowsIn = parsed.Sum(p => p.RowsRead),
            RowsQuarantined = parsed.Sum(p => p.RowsQuarantined),
        };

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

    public static DatasetRunSummary Failed(string dataset, string layer, string error) => new()
    {
        Dataset = dataset,
        Layer = layer,
        Failed = 1,
        Failures = [$"(plan): {error}"],
    };
}
