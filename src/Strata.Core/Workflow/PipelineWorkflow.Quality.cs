using Microsoft.Extensions.Logging;
using Strata.Runs;
using Strata.Workflow.Contracts;

namespace Strata.Workflow;

/// <summary>The run's quality signals: each step's assessment, and how warnings end a run.</summary>
public static partial class PipelineWorkflow
{
    /// <summary>
    /// Failures outrank warnings: <see cref="RunStatus.CompletedWithFailures"/> when any partition
    /// or step failed, else <see cref="RunStatus.CompletedWithWarnings"/> when any step warned
    /// (quarantine over its ratio, a file quarantined), else <see cref="RunStatus.Completed"/>.
    /// Semantic drift alone does not change the status: it is reported and alerted on, but a
    /// genuine change in the business (a holiday, a new product) must not turn every script red.
    /// </summary>
    internal static RunStatus EndStatus(IReadOnlyList<DatasetRunSummary> summaries) =>
        summaries.Any(s => s.Failed > 0) ? RunStatus.CompletedWithFailures
        : summaries.Any(s => s.Warnings.Count > 0) ? RunStatus.CompletedWithWarnings
        : RunStatus.Completed;

    /// <summary>
    /// Compares the step's new profiles with their history and weighs its quarantine. Its failure
    /// (after retries) is a warning on the step, never a failed dataset: the data is committed and good.
    /// </summary>
    private static async Task<DatasetRunSummary> AssessAsync(IWorkflowContext context, RunStarted run, DatasetRunSummary step, IReadOnlyList<BuildResult> results, DateTimeOffset stepStarted)
    {
        var built = results.Where(r => r.Outcome == BuildOutcome.Built).Select(r => r.Partition).ToList();
        var parsed = step.Layer == "load" ? new QuarantineCounts(step.RowsIn, step.RowsQuarantined, step.FileQuarantines) : null;
        QualityReport report;
        try
        {
            report = await context.CallActivityAsync<QualityReport>(WorkflowNames.AssessQuality, new AssessQualityInput(run.RunId, step.Dataset, step.Layer, built, parsed, stepStarted));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAssessFailed(context.Logger, run.RunId, step.Dataset, e.Message);
            report = new QualityReport([], [$"quality could not be assessed (the data is committed; the next run that builds it assesses again): {Storage.BoundedText.Message(e.Message)}"]);
        }

        // A partition held by a failing error check is data that looks wrong, like quarantine over its ratio: the run warns.
        IReadOnlyList<string> warnings = step.Held > 0
            ? [.. report.Warnings, $"{step.Held} partition(s) held by a failing error check (strata checks list {step.Dataset})"]
            : report.Warnings;
        return step with { DataDrift = report.DataDrift, Warnings = warnings };
    }

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Run {RunId}: the quality of {Dataset} could not be assessed: {Error}")]
    private static partial void LogAssessFailed(ILogger logger, string runId, string dataset, string error);
}
