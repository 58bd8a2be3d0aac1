using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Orchestration;

/// <summary>
/// The sub-orchestrator that builds one slice of a large fan-out, so that no history holds more than
/// <c>Strata__Workflow__BatchSize</c> activity calls. It only adapts <see cref="BuildBatchWorkflow"/>.
/// </summary>
public static class BuildBatchOrchestrator
{
    [Function(WorkflowNames.BuildBatch)]
    public static Task<BuildResult[]> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        BuildBatchWorkflow.RunAsync(new DurableWorkflowContext(context), OrchestrationInputs.Get<BuildBatchInput>(context, WorkflowNames.BuildBatch));
}
