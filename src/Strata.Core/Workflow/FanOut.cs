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

    /// <summary>
    /// Builds every stale partition of a plan with <paramref name="activity"/> (or its many-partition
    /// twin, <see cref="RunStarted.PartitionsPerActivity"/> partitions a call); a partition that fails
    /// is a Failed result, never an exception. A history holds at most <see cref="RunStarted.BatchSize"/> calls.
    /// </summary>
    public static async Task<IReadOnlyList<BuildResult>> BuildAllAsync(IWorkflowContext context, RunStarted run, RunRequest request, DatasetPlan plan, string activity)
    {
        var perCall = Math.Max(1, run.PartitionsPerActivity);
        var all = new BuildBatchInput(activity, run.RunId, run.RunNumber, plan.Dataset, request.Force, plan.Items, run.Retry) { PartitionsPerActivity = perCall };
        var perHistory = (long)run.BatchSize * perCall;
        if (plan.Items.Count <= perHistory)
        {
            return await BuildSliceAsync(context, all);
        }

        var batches = await Task.WhenAll(plan.Items.Chunk((int)Math.Min(int.MaxValue, perHistory)).Select(chunk => context.CallSubWorkflowAsync<BuildResult[]>(WorkflowNames.BuildBatch, all with { Items = chunk })));
        return batches.SelectMany(b => b).ToList();
    }

    /// <summary>Builds the items of one history: one activity call per partition, or per <see cref="BuildBatchInput.PartitionsPerActivity"/> partitions.</summary>
    public static async Task<BuildResult[]> BuildSliceAsync(IWorkflowContext context, BuildBatchInput input)
    {
        if (input.PartitionsPerActivity <= 1)
        {
            return await Task.WhenAll(input.Items.Select(item => BuildOneAsync(
                context, input.Activity, new BuildInput(input.RunId, input.RunNumber, input.Dataset, item.Partition, item.Fingerprint, input.Force))));
        }

        var calls = await Task.WhenAll(input.Items.Chunk(input.PartitionsPerActivity).Select(chunk => BuildManyAsync(
            context, WorkflowNames.ManyOf(input.Activity), new BuildPartitionsInput(input.RunId, input.RunNumber, input.Dataset, chunk, input.Force))));
        return calls.SelectMany(c => c).ToArray();
    }

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

    /// <summary>
    /// Builds many partitions in one call; when the call still throws after the host's retries,
    /// every partition of it counts as failed (any it did commit skip on the next run, which
    /// finds their fingerprints committed and clears their failure markers).
    /// </summary>
    private static async Task<BuildResult[]> BuildManyAsync(IWorkflowContext context, string activity, BuildPartitionsInput input)
    {
        try
        {
            return await context.CallActivityAsync<BuildResult[]>(activity, input);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return input.Items.Select(i => new BuildResult(i.Partition, BuildOutcome.Failed, 0, 0, null, e.Message)).ToArray();
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
