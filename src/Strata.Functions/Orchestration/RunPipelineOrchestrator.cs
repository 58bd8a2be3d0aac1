using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Strata.Runs;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Orchestration;

/// <summary>
/// The orchestrator of one pipeline run. It only adapts; the workflow and its determinism rules live
/// in <see cref="PipelineWorkflow"/>. Its instance id is fixed per pipeline (<see cref="InstanceIds"/>),
/// which is what keeps runs of one pipeline from overlapping.
/// </summary>
public sealed class RunPipelineOrchestrator(IOptions<WorkflowOptions> options)
{
    [Function(WorkflowNames.RunPipeline)]
    public Task<RunSummary> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.GetInput<RunRequest>()
            ?? throw new InvalidOperationException($"{WorkflowNames.RunPipeline} was started without a {nameof(RunRequest)} input");
        return PipelineWorkflow.RunAsync(new DurableWorkflowContext(context, options.Value), request);
    }
}
