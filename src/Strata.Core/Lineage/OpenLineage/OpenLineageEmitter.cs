using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Definitions;
using Strata.Storage;
using Strata.Workflow.Contracts;

namespace Strata.Lineage.OpenLineage;

/// <summary>
/// Emits the OpenLineage events of dataset steps, from activities (a workflow does no I/O): START
/// from the step's plan activity (PlanLoad, PlanDataset), COMPLETE or FAIL from CompleteDataset.
/// </summary>
/// <remarks>
/// <para>Replays and retries emit nothing inconsistent: Durable replays do not run completed
/// activities again; a retried activity derives the same OpenLineage run id (<see cref="RunIds"/>),
/// and an event whose (run id, event type) is already in the lake file is neither written nor sent
/// again. A crash between the HTTP send and the lake write can send an event twice, identical but
/// for its time; OpenLineage consumers key runs by run id, so the second updates the first.</para>
/// <para>A step with nothing to build (no stale partition) emits nothing, so a pipeline scheduled
/// every few minutes does not flood the consumer with empty runs. START and COMPLETE/FAIL apply that
/// rule to the same number (the plan's item count), so a step emits both or neither.</para>
/// <para>Lineage never fails or holds up a step: every error is a warning, and sending is bounded
/// (<see cref="OpenLineageSender"/>).</para>
/// </remarks>
public sealed partial class OpenLineageEmitter(
    PipelineCatalog catalog,
    LakeStorage storage,
    OpenLineageFiles files,
    OpenLineageSender sender,
    DatasetSchemas schemas,
    IQualityAssertions quality,
    IOptions<OpenLineageOptions> options,
    TimeProvider time,
    ILogger<OpenLineageEmitter> log)
{
    private const int MaxFailuresNamed = 5;
    private readonly string _namespace = storage.Container(LakeContainers.Load).GetParentBlobServiceClient().Uri.AbsoluteUri.TrimEnd('/');

    /// <summary>Emits START for a step whose plan has <paramref name="planned"/> partitions to build.</summary>
    public Task StartAsync(string runId, string dataset, int planned, CancellationToken ct) =>
        planned == 0
            ? Task.CompletedTask
            : EmitAsync(runId, dataset, RunEvents.Start, step => Task.FromResult(RunEvents.Started(step, time.GetUtcNow())), ct);

    /// <summary>Emits COMPLETE, or FAIL when partitions failed, for a step CompleteDataset is recording.</summary>
    public Task CompleteAsync(CompleteDatasetInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Output is not { Planned: > 0 } output)
        {
            return Task.CompletedTask;
        }

        var type = input.Failures.Count > 0 ? RunEvents.Fail : RunEvents.Complete;
        return EmitAsync(input.RunId, input.Dataset, type, async step => RunEvents.Ended(step, await ResultAsync(step, input, output, ct), time.GetUtcNow()), ct);
    }

    /// <summary>The lake identity run ids are derived in: the blob endpoint and the storage namespace prefix.</summary>
    internal string Lake => $"{_namespace}|{storage.ContainerName("")}";

    private async Task EmitAsync(string runId, string dataset, string type, Func<LineageStep, Task<System.Text.Json.Nodes.JsonObject>> build, CancellationToken ct)
    {
        try
        {
            var step = Step(runId, dataset);
            var path = await files.PathForRunAsync(step.Pipeline, runId, ct);
            var key = $"{step.RunId}|{type}";
            var description = $"{type} of {step.JobName} ({runId})";
            var added = await files.AppendOnceAsync(path, key, async () =>
            {
                // Sent before it is written: a crash in between re-sends rather than loses it.
                var json = (await build(step)).ToJsonString();
                await sender.SendAsync(json, description, ct);
                return json;
            }, ct);
            if (!added)
            {
                LogAlreadyEmitted(description);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogNotEmitted(type, dataset, runId, e.Message);
        }
    }

    private LineageStep Step(string runId, string dataset)
    {
        var pipeline = catalog.PipelineOf(dataset) ?? throw new DefinitionException($"no source or dataset named '{dataset}'");
        var definition = pipeline.FindDataset(dataset);
        IReadOnlyList<string> inputs = definition is null
            ? [PathOf(LakeContainers.Raw, dataset)]
            : definition.Inputs.Select(i => PathOf(LakeContainers.ForOutput(catalog, i.Name), i.Name)).ToList();
        return new LineageStep(
            options.Value.JobNamespace,
            pipeline.Name,
            dataset,
            definition is null ? "LOAD" : definition.Layer.ToString().ToUpperInvariant(),
            definition?.Sql,
            RunIds.ForStep(Lake, runId, dataset),
            RunIds.ForRun(Lake, runId),
            _namespace,
            inputs,
            PathOf(LakeContainers.ForOutput(catalog, dataset), dataset));
    }

    /// <summary>A dataset's lake path, named by the container as the account holds it (with any storage namespace prefix).</summary>
    private string PathOf(string container, string name) => $"{storage.ContainerName(container)}/{name}";

    private async Task<StepResult> ResultAsync(LineageStep step, CompleteDatasetInput input, StepOutput output, CancellationToken ct)
    {
        var formats = catalog.PipelineOf(step.Dataset)?.FindDataset(step.Dataset)?.Formats.Count ?? 1;
        var schema = output.Latest is { } partition ? await schemas.ReadAsync(step.Dataset, partition, ct) : [];
        string? error = null;
        if (input.Failures.Count > 0)
        {
            var named = input.Failures.Take(MaxFailuresNamed).Select(f => $"{f.Partition}: {f.Error}");
            var more = input.Failures.Count > MaxFailuresNamed ? $"; and {input.Failures.Count - MaxFailuresNamed} more" : "";
            error = $"{input.Failures.Count} of {output.Planned} partition(s) of {step.Dataset} failed: {string.Join("; ", named)}{more}";
        }

        return new StepResult(
            output.Rows,
            output.Bytes,
            (long)output.Written * formats,
            schema,
            error,
            step.Sql is null ? "C#" : "SQL",
            await quality.ForStepAsync(input.RunId, step.Dataset, ct));
    }

    [LoggerMessage(EventId = 8104, Level = LogLevel.Debug, Message = "{Event} was already emitted (a retried activity); not emitted again")]
    private partial void LogAlreadyEmitted(string @event);

    [LoggerMessage(EventId = 8105, Level = LogLevel.Warning, Message = "OpenLineage {Type} of {Dataset} in run {RunId} was not emitted: {Error}. The run goes on; check the lake's lineage container")]
    private partial void LogNotEmitted(string type, string dataset, string runId, string error);
}
