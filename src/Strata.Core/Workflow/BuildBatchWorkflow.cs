using Strata.Workflow.Contracts;

namespace Strata.Workflow;

/// <summary>
/// The sub-workflow that builds one slice of a large fan-out, so that each history stays at most
/// <see cref="WorkflowOptions.BatchSize"/> activity calls. Same determinism rules as
/// <see cref="PipelineWorkflow"/>.
/// </summary>
public static class BuildBatchWorkflow
{
    public static async Task<BuildResult[]> RunAsync(IWorkflowContext context, BuildBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        context.UseActivityRetry(input.Retry);
        return await FanOut.BuildSliceAsync(context, input);
    }
}
