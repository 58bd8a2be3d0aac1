using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Orchestration;

/// <summary>
/// The sub-orchestrator that parses one slice of a source's raw blobs, so that re-parsing a whole
/// source after a load-spec change keeps every history at most <c>Strata__Workflow__BatchSize</c>
/// activity calls. It only adapts <see cref="ParseBatchWorkflow"/>.
/// </summary>
public static class ParseBatchOrchestrator
{
    [Function(WorkflowNames.ParseBatch)]
    public static Task<ParseSummary[]> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        ParseBatchWorkflow.RunAsync(new DurableWorkflowContext(context), OrchestrationInputs.Get<ParseBatchInput>(context, WorkflowNames.ParseBatch));
}
