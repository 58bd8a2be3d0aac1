using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Orchestration;

/// <summary>
/// The sub-orchestrator that builds one slice of a large fan-out, so that no history holds more than
/// <c>Strata__Workflow__BatchSize</c> activity calls. It only adapts <see cref="BuildBatchWorkflow"/>.
/// </summary>
public sealed class BuildBatchOrchestrator(IOptions<WorkflowOptions> options)
{
    [Function(WorkflowNames.BuildBatch)]
    public Task<BuildResult[]> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var batch = context.GetInput<BuildBatchInput>()
            ?? throw new InvalidOperationException($"{WorkflowNames.BuildBatch} was started without a {nameof(BuildBatchInput)} input");
        return BuildBatchWorkflow.RunAsync(new DurableWorkflowContext(context, options.Value), batch);
    }
}
