using Strata.Workflow.Contracts;

namespace Strata.Workflow;

/// <summary>
/// The fan-outs of a run: one activity per raw blob or stale partition, called directly up to
/// the run's batch size and through sub-workflows of that many calls beyond it, so no single
/// history holds thousands of calls. Deterministic: the calls depend only on the input lists.
/// </summary>
internal static class FanOut
{
    /// <summary>Parses every raw blob of a parse plan; a blob that still fails after retries fails the source's load (the next run retries it).</summary>
    public static Task<IReadOnlyList<ParseSummary>> ParseAllAsync(IWorkflowContext context, RunStarted run, ParsePlan plan) =>
        InBatchesAsync(
            plan.ToParse,
            run.BatchSize,
            blob => context.CallActivityAsync<ParseSummary>(WorkflowNames.ParseRawBlob, new ParseInput(run.RunId, plan.Source, plan.SpecKey, blob)),
            chunk => context.CallSubWorkflowAsync<ParseSummary[]>(WorkflowNames.ParseBatch, new ParseBatchInput(run.RunId, plan.Source, plan.SpecKey, chunk, run.Retry)));

    /// <summary>Builds every stale partition of a plan with <paramref name="activity"/>; a partition that fails is a Failed result, never an exception.</summary>
    public static Task<IReadOnlyList<BuildResult>> BuildAllAsync(IWorkflowContext context, RunStarted run, RunRequest request, DatasetPlan plan, string activity) =>
        InBatchesAsync(
            plan.Items,
            run.BatchSize,
            item => BuildOneAsync(context, activity, new BuildInput(run.RunId, run.RunNumber, plan.Dataset, item.Partition, item.Fingerprint, request.Force)),
            chunk => context.CallSubWorkflowAsync<BuildResult[]>(WorkflowNames.BuildBatch, new BuildBatchInput(activity, run.RunId, run.RunNumber, plan.Dataset, request.Force, chunk, run.Retry)));

    /// <summary>Builds one partition; an activity that still throws after the host's retries counts as a failed partition.</summary>
    public static async Task<BuildResult> BuildOneAsync(IWorkflowContext context, string activity, BuildInput input)
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

    private static async Task<IReadOnlyList<TResult>> InBatchesAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, int batchSize, Func<TItem, Task<TResult>> one, Func<TItem[], Task<TResult[]>> batch)
    {
        if (items.Count <= batchSize)
        {
            return await Task.WhenAll(items.Select(one));
        }

        var batches = await Task.WhenAll(items.Chunk(Math.Max(1, batchSize)).Select(batch));
        return batches.SelectMany(b => b).ToList();
    }
}
