using System.Text.Json;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Strata.Api;
using Strata.Runs;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Runs;

/// <summary>
/// <see cref="IRunLauncher"/> over Durable's client. A pipeline has one instance id
/// (<see cref="InstanceIds.ForPipeline"/>). Starting is one atomic request to the backend: schedule
/// under that id unless the instance is pending, running or suspended (the start options' dedupe
/// statuses). "Already exists" means a run is in progress, so the start marks the pipeline dirty
/// and that run continues as new when it ends; a completed, failed or terminated instance is
/// started afresh under the same id.
/// </summary>
/// <remarks>
/// Reading the instance first and scheduling after would race: two starts could both see no run,
/// and under the host's defaults the second would either be dropped silently (no run, no dirty
/// flag) or start an execution that is discarded after its StartRun, leaving a run record Running
/// and the pipeline's active run set for good.
/// The client comes from a function's <c>[DurableClient]</c> binding (the host hands over its
/// endpoint per invocation), so a launcher is created per call rather than registered as a service.
/// </remarks>
public sealed class DurableRunLauncher(DurableTaskClient client, PipelineStateStore states) : IRunLauncher
{
    private static readonly OrchestrationRuntimeStatus[] InProgress =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    public async Task<RunLaunch> StartAsync(RunRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instanceId = InstanceIds.ForPipeline(request.Pipeline);
        try
        {
            var options = new StartOrchestrationOptions(instanceId).WithDedupeStatuses(InProgress);
            await client.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.RunPipeline, request, options, ct);
            return new RunLaunch(instanceId, Started: true);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            await states.MarkDirtyAsync(request.Pipeline, ct);
            return new RunLaunch(instanceId, Started: false);
        }
    }

    /// <summary>The instance as Durable reports it; custom status and output are the workflow's JSON, passed through.</summary>
    public async Task<RunInstanceStatus?> GetAsync(string instanceId, CancellationToken ct) =>
        await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, ct) is { } instance
            ? new RunInstanceStatus(
                instance.InstanceId,
                instance.Name,
                instance.RuntimeStatus.ToString(),
                instance.CreatedAt,
                instance.LastUpdatedAt,
                Json(instance.SerializedCustomStatus),
                Json(instance.SerializedOutput))
            : null;

    private static JsonElement? Json(string? serialized) => serialized is null ? null : JsonSerializer.Deserialize<JsonElement>(serialized);
}
