using Microsoft.Extensions.Logging;
using Strata.Runs;
using Strata.Workflow.Contracts;

namespace Strata.Workflow;

/// <summary>
/// One pipeline run: start, sweep landing, then layer by layer — load every source, then
/// integrate and action datasets in dependency waves — each as plan, fan out one activity per
/// stale partition, fan in, complete. Follows the determinism rules on <see cref="IWorkflowContext"/>.
/// </summary>
public static partial class PipelineWorkflow
{
    /// <summary>Runs the pipeline named in <paramref name="request"/> and returns the run summary.</summary>
    public static async Task<RunSummary> RunAsync(IWorkflowContext context, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var started = await context.CallActivityAsync<RunStarted>(WorkflowNames.StartRun, new StartRunInput(request, context.CurrentUtcDateTime));
        if (started.Refused is { } refused)
        {
            // Another run holds the pipeline's lease, perhaps in another host: this start runs nothing (see StartRun).
            return RunSummary.ForRefusal(started.Pipeline, started.StartedAt, refused);
        }

        context.UseActivityRetry(started.Retry);
        var progress = new RunProgress(started.RunId, started.Pipeline);
        var summaries = new List<DatasetRunSummary>();
        LogStarted(context.Logger, started.RunId, started.Pipeline, request.Force);
        try
        {
            return await RunLayersAsync(context, started, request, progress, summaries);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A step outside any one dataset failed after its retries (the landing sweep, or ending the
            // run): end the run Failed rather than leave its record Running and the pipeline's active run set.
            await EndFailedAsync(context, started, summaries, e);
            throw;
        }
    }

    private static async Task<RunSummary> RunLayersAsync(IWorkflowContext context, RunStarted started, RunRequest request, RunProgress progress, List<DatasetRunSummary> summaries)
    {
        progress.Enter("land");
        context.SetCustomStatus(progress.Snapshot());
        var landing = await context.CallActivityAsync<LandingCounts>(WorkflowNames.SweepLanding, new SweepInput(started.RunId, started.Pipeline));

        progress.Enter("load");
        context.SetCustomStatus(progress.Snapshot());
        var sources = started.Sources.Where(request.Includes).ToList();
        summaries.AddRange(await Task.WhenAll(sources.Select(s => LoadSourceAsync(context, started, request, s, progress))));

        foreach (var layer in new[] { "integrate", "action" })
        {
            progress.Enter(layer);
            context.SetCustomStatus(progress.Snapshot());
            foreach (var wave in Waves(started.Datasets.Where(d => d.Layer == layer && request.Includes(d.Name)).ToList(), started))
            {
                summaries.AddRange(await Task.WhenAll(wave.Select(d => BuildDatasetAsync(context, started, request, d, progress))));
            }
        }

        var failed = summaries.Sum(s => s.Failed);
        var summary = new RunSummary
        {
            RunId = started.RunId,
            Pipeline = started.Pipeline,
            Status = EndStatus(summaries),
            StartedAt = started.StartedAt,
            EndedAt = context.CurrentUtcDateTime,
            Landing = landing,
            Datasets = summaries,
        };

        progress.Enter("done");
        context.SetCustomStatus(progress.Snapshot());
        var ended = await context.CallActivityAsync<RunEnded>(WorkflowNames.CompleteRun, new CompleteRunInput(summary));
        LogFinished(context.Logger, started.RunId, summary.Status, summary.PartitionsBuilt, summary.PartitionsSkipped, failed);
        if (ended.ContinueAsNew)
        {
            // A landing arrived while this run was in progress: run again, as new, rather than overlap.
            context.ContinueAsNew(new RunRequest(request.Pipeline, Trigger: "landing"));
        }

        return summary;
    }

    private static async Task EndFailedAsync(IWorkflowContext context, RunStarted started, IReadOnlyList<DatasetRunSummary> summaries, Exception error)
    {
        LogRunFailed(context.Logger, started.RunId, error.Message);
        var summary = new RunSummary
        {
            RunId = started.RunId,
            Pipeline = started.Pipeline,
            Status = RunStatus.Failed,
            StartedAt = started.StartedAt,
            EndedAt = context.CurrentUtcDateTime,
            Datasets = [.. summaries, new DatasetRunSummary { Dataset = "(run)", Layer = "run", Failed = 1, Failures = [$"(run): {error.Message}"] }],
        };
        try
        {
            // Its answer is ignored: a failed run does not continue as new; the next start or landing runs again.
            await context.CallActivityAsync<RunEnded>(WorkflowNames.CompleteRun, new CompleteRunInput(summary));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage is still failing; the original error is the one to report.
            LogRunFailed(context.Logger, started.RunId, e.Message);
        }
    }

    private static async Task<DatasetRunSummary> LoadSourceAsync(IWorkflowContext context, RunStarted run, RunRequest request, string source, RunProgress progress)
    {
        try
        {
            var stepStarted = context.CurrentUtcDateTime;
            var parsePlan = await context.CallActivityAsync<ParsePlan>(WorkflowNames.PlanParse, new PlanParseInput(run.RunId, source, request.Force));
            var parsed = await FanOut.ParseAllAsync(context, run, parsePlan);
            var plan = await context.CallActivityAsync<DatasetPlan>(WorkflowNames.PlanLoad, new PlanLoadInput(run.RunId, run.RunNumber, request, parsePlan));
            var results = await BuildAllAsync(context, run, request, plan, WorkflowNames.BuildLoadPartition, progress);
            var checks = await CheckAsync(context, run, plan, results);
            await context.CallActivityAsync<bool>(WorkflowNames.CompleteDataset, Completion(run, request, plan, results));
            return await AssessAsync(context, run, Summaries.WithQuality(Summaries.ForSource(plan, parsed, results), plan, checks), results, stepStarted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed step of one source must not stop the others; its partitions stay as they were and the next run retries.
            LogDatasetFailed(context.Logger, run.RunId, source, e.Message);
            return Summaries.Failed(source, "load", e.Message);
        }
    }

    private static async Task<DatasetRunSummary> BuildDatasetAsync(IWorkflowContext context, RunStarted run, RunRequest request, DatasetStep dataset, RunProgress progress)
    {
        try
        {
            var stepStarted = context.CurrentUtcDateTime;
            var plan = await context.CallActivityAsync<DatasetPlan>(WorkflowNames.PlanDataset, new PlanDatasetInput(run.RunId, run.RunNumber, request, dataset.Name));
            var results = await BuildAllAsync(context, run, request, plan, WorkflowNames.BuildDatasetPartition, progress);
            var checks = await CheckAsync(context, run, plan, results);
            await context.CallActivityAsync<bool>(WorkflowNames.CompleteDataset, Completion(run, request, plan, results));
            return await AssessAsync(context, run, Summaries.WithQuality(Summaries.ForDataset(plan, results), plan, checks), results, stepStarted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogDatasetFailed(context.Logger, run.RunId, dataset.Name, e.Message);
            return Summaries.Failed(dataset.Name, dataset.Layer, e.Message);
        }
    }

    private static async Task<IReadOnlyList<BuildResult>> BuildAllAsync(IWorkflowContext context, RunStarted run, RunRequest request, DatasetPlan plan, string activity, RunProgress progress)
    {
        progress.Add(plan.Dataset, plan.Layer, plan.Items.Count);
        context.SetCustomStatus(progress.Snapshot());
        if (plan.Items.Count == 0)
        {
            return [];
        }

        var results = await FanOut.BuildAllAsync(context, run, request, plan, activity);
        progress.Complete(plan.Dataset, plan.Layer, results);
        context.SetCustomStatus(progress.Snapshot());
        return results;
    }

    /// <summary>Runs the step's checks on what it committed (before CompleteDataset, whose lineage event carries their results).</summary>
    private static Task<Quality.CheckSummary> CheckAsync(IWorkflowContext context, RunStarted run, DatasetPlan plan, IReadOnlyList<BuildResult> results)
    {
        var written = results.Where(r => r.Outcome is BuildOutcome.Built or BuildOutcome.Unchanged).Select(r => r.Partition).ToList();
        return context.CallActivityAsync<Quality.CheckSummary>(WorkflowNames.CheckDataset, new CheckDatasetInput(run.RunId, plan.Dataset, written.Count > CheckDatasetInput.MaxListed ? null : written));
    }

    /// <summary>
    /// What a dataset records once its partitions are built: every partition was either built with
    /// the current code or failed — and a failed one keeps a failure marker (CompleteDataset writes
    /// any a failing activity could not), so the next plan retries it whatever else it records.
    /// It also says what the step wrote, for the step's OpenLineage event.
    /// </summary>
    private static CompleteDatasetInput Completion(RunStarted run, RunRequest request, DatasetPlan plan, IReadOnlyList<BuildResult> results)
    {
        var fingerprints = plan.Items.ToDictionary(i => i.Partition, i => i.Fingerprint, StringComparer.Ordinal);
        var failures = results
            .Where(r => r.Outcome == BuildOutcome.Failed)
            .Select(r => new PartitionFailure(r.Partition, fingerprints.GetValueOrDefault(r.Partition, ""), r.Error ?? "failed"))
            .ToList();
        var written = results.Where(r => r.Outcome is BuildOutcome.Built or BuildOutcome.Unchanged).ToList();
        var output = new StepOutput(plan.Items.Count, written.Count, written.Sum(r => r.RowsWritten), written.Sum(r => r.Bytes), written.Select(r => r.Partition).Max(StringComparer.Ordinal));
        return new CompleteDatasetInput(run.RunId, run.RunNumber, plan.Dataset, plan.CodeHash, plan.SqlHash, plan.Seen, request.IsComplete, failures, output);
    }

    /// <summary>Groups datasets into waves: each wave's inputs are all built by earlier waves or other layers.</summary>
    private static IEnumerable<List<DatasetStep>> Waves(List<DatasetStep> datasets, RunStarted run)
    {
        var done = new HashSet<string>(run.Sources, StringComparer.Ordinal);
        foreach (var other in run.Datasets.Where(d => !datasets.Contains(d)))
        {
            done.Add(other.Name);
        }

        var pending = new List<DatasetStep>(datasets);
        while (pending.Count > 0)
        {
            var wave = pending.Where(d => d.Inputs.All(done.Contains)).ToList();
            if (wave.Count == 0)
            {
                wave = [pending[0]];
            }

            yield return wave;
            foreach (var d in wave)
            {
                done.Add(d.Name);
                pending.Remove(d);
            }
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Run {RunId} of {Pipeline} started (force: {Force})")]
    private static partial void LogStarted(ILogger logger, string runId, string pipeline, bool force);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Run {RunId} ended {Status}: {Built} built, {Skipped} up to date, {Failed} failed")]
    private static partial void LogFinished(ILogger logger, string runId, RunStatus status, int built, int skipped, int failed);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Run {RunId}: {Dataset} could not be planned or completed: {Error}")]
    private static partial void LogDatasetFailed(ILogger logger, string runId, string dataset, string error);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Run {RunId} failed: {Error}")]
    private static partial void LogRunFailed(ILogger logger, string runId, string error);
}
