using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Strata.Activities;
using Strata.Workflow.Contracts;

namespace Strata.Workflow.Local;

/// <summary>
/// <see cref="IWorkflowContext"/> in one process: activities run on the thread pool, at most
/// <see cref="WorkflowOptions.LocalParallelism"/> at once across the host, each retried with
/// exponential backoff on transient storage errors. Inputs and outputs go through JSON as they
/// would through Durable's history.
/// </summary>
internal sealed class LocalWorkflowContext(
    string instanceId,
    ActivityDispatcher activities,
    SemaphoreSlim slots,
    ResiliencePipeline retry,
    TimeProvider time,
    ILogger logger,
    Action<object> onStatus,
    WorkflowHistory? history,
    Action<string>? onActivityCompleted,
    CancellationToken ct) : IWorkflowContext
{
    public string InstanceId => instanceId;

    public DateTimeOffset CurrentUtcDateTime
    {
        get
        {
            var now = time.GetUtcNow();
            history?.ReadTime(now);
            return now;
        }
    }

    public ILogger Logger => logger;

    /// <summary>The input to continue as new with, if the workflow asked to.</summary>
    public object? ContinueAsNewInput { get; private set; }

    public async Task<TResult> CallActivityAsync<TResult>(string name, object input)
    {
        var json = JsonSerializer.Serialize(input, input.GetType(), StrataJson.Options);
        var sequence = history?.Scheduled("activity", name, json);
        string output;
        try
        {
            // The activity runs on the pool; this method resumes on the workflow's pump, in the order results arrive.
            output = await Task.Run(() => InvokeAsync(name, json), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (sequence is { } failed)
            {
                history!.Completed(failed, null, e.Message);
            }

            throw new ActivityFailedException(name, e);
        }

        if (sequence is { } s)
        {
            history!.Completed(s, output, null);
        }

        onActivityCompleted?.Invoke(name);
        return JsonSerializer.Deserialize<TResult>(output, StrataJson.Options)!;
    }

    private async Task<string> InvokeAsync(string name, string json)
    {
        await slots.WaitAsync(ct);
        try
        {
            return await retry.ExecuteAsync(async token => await activities.InvokeAsync(name, json, token), ct);
        }
        finally
        {
            slots.Release();
        }
    }

    public async Task<TResult> CallSubWorkflowAsync<TResult>(string name, object input)
    {
        Func<IWorkflowContext, Task<object>> run = (name, input) switch
        {
            (WorkflowNames.BuildBatch, BuildBatchInput batch) => async child => await BuildBatchWorkflow.RunAsync(child, batch),
            (WorkflowNames.ParseBatch, ParseBatchInput batch) => async child => await ParseBatchWorkflow.RunAsync(child, batch),
            _ => throw new InvalidOperationException($"no sub-workflow named '{name}' taking {input.GetType().Name}"),
        };

        var sequence = history?.Scheduled("subworkflow", name, JsonSerializer.Serialize(input, input.GetType(), StrataJson.Options));
        var child = new LocalWorkflowContext($"{instanceId}:{sequence}", activities, slots, retry, time, logger, _ => { }, null, onActivityCompleted, ct);
        string json;
        try
        {
            var results = await run(child);
            json = JsonSerializer.Serialize(results, results.GetType(), StrataJson.Options);
        }
        catch (Exception e) when (e is not OperationCanceledException && sequence is { } failed)
        {
            history!.Completed(failed, null, e.Message);
            throw;
        }

        if (sequence is { } s)
        {
            history!.Completed(s, json, null);
        }

        return JsonSerializer.Deserialize<TResult>(json, StrataJson.Options)!;
    }

    public void SetCustomStatus(object status) => onStatus(status);

    public void ContinueAsNew(object input) => ContinueAsNewInput = input;
}
