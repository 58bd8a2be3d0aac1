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

        var progress = new RunProgress(started.RunId, started.Pipeline);
        var batchSize = started.BatchSize;
        LogStarted(context.Logger, started.RunId, started.Pipeline, request.Force);

        progress.Enter("land");
        context.SetCustomStatus(progress.Snapshot());
        var landing = await context.CallActivityAsync<LandingCounts>(WorkflowNames.SweepLanding, new SweepInput(started.RunId, started.Pipeline));

        progress.Enter("load");
        context.SetCustomStatus(progress.Snapshot());
        var summaries = new List<DatasetRunSummary>();
        var sources = started.Sources.Where(request.Includes).ToList();
        summaries.AddRange(await Task.WhenAll(sources.Select(s => LoadSourceAsync(context, started, request, s, batchSize, progress))));

        foreach (var layer in new[] { "integrate", "action" })
        {
            progress.Enter(layer);
            context.SetCustomStatus(progress.Snapshot());
            foreach (var wave in Waves(started.Datasets.Where(d => d.Layer == layer && request.Includes(d.Name)).ToList(), started))
            {
                summaries.AddRange(await Task.WhenAll(wave.Select(d => BuildDatasetAsync(context, started, request, d, batchSize, progress))));
            }
        }

        var failed = summaries.Sum(s => s.Failed);
        var summary = new RunSummary
        {
            RunId = started.RunId,
            Pipeline = started.Pipeline,
            Status = failed > 0 ? RunStatus.CompletedWithFailures : RunStatus.Completed,
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

    private static async Task<DatasetRunSummary> LoadSourceAsync(IWorkflowContext context, RunStarted run, RunRequest request, string source, int batchSize, RunProgress progress)
    {
        try
        {
            var parsePlan = await context.CallActivityAsync<ParsePlan>(WorkflowNames.PlanParse, new PlanParseInput(run.RunId, source, request.Force));
            var parsed = await FanOut.InBatchesAsync(parsePlan.ToParse, batchSize, blob =>
                context.CallActivityAsync<ParseSummary>(WorkflowNames.ParseRawBlob, new ParseInput(run.RunId, source, parsePlan.SpecKey, blob)));

            var plan = await context.CallActivityAsync<DatasetPlan>(WorkflowNames.PlanLoad, new PlanLoadInput(run.RunId, run.RunNumber, request, parsePlan));
            var results = await BuildAllAsync(context, run, request, plan, WorkflowNames.BuildLoadPartition, batchSize, progress);
            await context.CallActivityAsync<bool>(WorkflowNames.CompleteDataset, Completion(run, request, plan, results));
            return Summaries.ForSource(plan, parsed, results);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed step of one source must not stop the others; its partitions stay as they were and the next run retries.
            LogDatasetFailed(context.Logger, run.RunId, source, e.Message);
            return Summaries.Failed(source, "load", e.Message);
        }
    }

    private static async Task<DatasetRunSummary> BuildDatasetAsync(IWorkflowContext context, RunStarted run, RunRequest request, DatasetStep dataset, int batchSize, RunProgress progress)
    {
        try
        {
            var plan = await context.CallActivityAsync<DatasetPlan>(WorkflowNames.PlanDataset, new PlanDatasetInput(run.RunId, run.RunNumber, request, dataset.Name));
            var results = await BuildAllAsync(context, run, request, plan, WorkflowNames.BuildDatasetPartition, batchSize, progress);
            await context.CallActivityAsync<bool>(WorkflowNames.CompleteDataset, Completion(run, request, plan, results));
            return Summaries.ForDataset(plan, results);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogDatasetFailed(context.Logger, run.RunId, dataset.Name, e.Message);
            return Summaries.Failed(dataset.Name, dataset.Layer, e.Message);
        }
    }

    private static async Task<IReadOnlyList<BuildResult>> BuildAllAsync(IWorkflowContext context, RunStarted run, RunRequest request, DatasetPlan plan, string activity, int batchSize, RunProgress progress)
    {
        progress.Add(plan.Dataset, plan.Items.Count);
        context.SetCustomStatus(progress.Snapshot());
        if (plan.Items.Count == 0)
        {
            return [];
        }

        IReadOnlyList<BuildResult> results;
        if (plan.Items.Count <= batchSize)
        {
            results = await Task.WhenAll(plan.Items.Select(item => BuildOneAsync(context, activity, new BuildInput(run.RunId, run.RunNumber, plan.Dataset, item.Partition, item.Fingerprint, request.Force))));
        }
        else
        {
            // Large fan-outs go through sub-workflows so no single history holds thousands of calls.
            var batches = await Task.WhenAll(plan.Items.Chunk(batchSize).Select(chunk =>
                context.CallSubWorkflowAsync<BuildResult[]>(WorkflowNames.BuildBatch, new BuildBatchInput(activity, run.RunId, run.RunNumber, plan.Dataset, request.Force, chunk))));
            results = batches.SelectMany(b => b).ToList();
        }

        progress.Complete(plan.Dataset, results);
        context.SetCustomStatus(progress.Snapshot());
        return results;
    }

    /// <summary>Builds one partition; an activity that still throws after the host's retries counts as a failed partition.</summary>
    internal static async Task<BuildResult> BuildOneAsync(IWorkflowContext context, string activity, BuildInput input)
    {
        try
        {
            return await context.CallActivityAsync<BuildResult>(activity, input);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new BuildResult(input.Partition, BuildOutcome.Failed, 0, 0, null, e.Message);
        }
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
}
