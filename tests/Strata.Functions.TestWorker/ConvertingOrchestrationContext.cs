using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;

namespace Strata.Functions.TestWorker;

/// <summary>
/// A <see cref="TaskOrchestrationContext"/> whose <see cref="GetInput{T}"/> converts the input from
/// JSON, as the Functions extension's context does. The plain worker deserializes an orchestrator's
/// input to the registered input type and then only casts; a <c>[Function]</c> orchestrator names its
/// input type only inside its body, so it is registered with <see cref="object"/> and converted here.
/// Everything else forwards to the worker's context.
/// </summary>
internal sealed class ConvertingOrchestrationContext(TaskOrchestrationContext inner, JsonSerializerOptions json, ILoggerFactory loggers) : TaskOrchestrationContext
{
    public override TaskName Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => inner.Parent;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    public override string Version => inner.Version;

    public override IReadOnlyDictionary<string, object?> Properties => inner.Properties;

    public override TaskOrchestrationEntityFeature Entities => inner.Entities;

    protected override ILoggerFactory LoggerFactory => loggers;

    public override T? GetInput<T>() where T : default => inner.GetInput<object>() switch
    {
        T typed => typed,
        JsonElement element => element.Deserialize<T>(json),
        null => default,
        var other => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(other, other.GetType(), json), json),
    };

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        inner.CallActivityAsync<TResult>(name, input, options);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object payload) => inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override Guid NewGuid() => inner.NewGuid();
}
