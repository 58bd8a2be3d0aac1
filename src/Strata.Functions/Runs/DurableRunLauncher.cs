using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Strata.Api;
using Strata.Runs;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Runs;

/// <summary>
/// <see cref="IRunLauncher"/> over Durable's client. A pipeline has one instance id
/// (<see cref="InstanceIds.ForPipeline"/>): while that instance is pending or running, a start only
/// marks the pipeline dirty and the running workflow continues as new when it ends; otherwise the run
/// is scheduled under that id (Durable starts a completed, failed or terminated instance afresh).
/// </summary>
/// <remarks>
/// The client comes from a function's <c>[DurableClient]</c> binding (the host hands over its
/// endpoint per invocation), so a launcher is created per call rather than registered as a service.
/// </remarks>
public sealed class DurableRunLauncher(DurableTaskClient client, PipelineStateStore states) : IRunLauncher
{
    public async Task<RunLaunch> StartAsync(RunRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instanceId = InstanceIds.ForPipeline(request.Pipeline);
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, ct) is { IsCompleted: false })
        {
            await states.MarkDirtyAsync(request.Pipeline, ct);
            return new RunLaunch(instanceId, Started: false);
        }

        await client.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.RunPipeline, request, new StartOrchestrationOptions(instanceId), ct);
        return new RunLaunch(instanceId, Started: true);
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
