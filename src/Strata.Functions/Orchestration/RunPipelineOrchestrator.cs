using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Strata.Runs;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Orchestration;

/// <summary>
/// The orchestrator of one pipeline run. It only adapts; the workflow and its determinism rules live
/// in <see cref="PipelineWorkflow"/>. Its instance id is fixed per pipeline (<see cref="InstanceIds"/>),
/// which is what keeps runs of one pipeline from overlapping. It reads no settings: what a run's
/// replays must agree on (batch size, retry policy) comes from its history (<see cref="RunStarted"/>).
/// </summary>
public static class RunPipelineOrchestrator
{
    [Function(WorkflowNames.RunPipeline)]
    public static Task<RunSummary> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        PipelineWorkflow.RunAsync(new DurableWorkflowContext(context), OrchestrationInputs.Get<RunRequest>(context, WorkflowNames.RunPipeline));
}
