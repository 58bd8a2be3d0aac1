using Strata.Workflow.Contracts;

namespace Strata.Workflow;

/// <summary>
/// The sub-workflow that parses one slice of a source's raw blobs, so that a load-spec change
/// (which re-parses every blob of the source) keeps each history at most
/// <see cref="WorkflowOptions.BatchSize"/> activity calls. Same determinism rules as
/// <see cref="PipelineWorkflow"/>; a blob that fails after its retries fails the batch, and with it
/// the source's load in this run, as it would without batching.
/// </summary>
public static class ParseBatchWorkflow
{
    public static async Task<ParseSummary[]> RunAsync(IWorkflowContext context, ParseBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        context.UseActivityRetry(input.Retry);
        return await Task.WhenAll(input.Blobs.Select(blob =>
            context.CallActivityAsync<ParseSummary>(WorkflowNames.ParseRawBlob, new ParseInput(input.RunId, input.Source, input.SpecKey, blob))));
    }
}
