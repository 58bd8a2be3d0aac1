using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Strata.Activities;
using Strata.Runs;
using Strata.Workflow.Contracts;

namespace Strata.Workflow.Local;

/// <summary>
/// Runs <see cref="PipelineWorkflow"/> in this process — the embedded default behind the CLI and
/// <c>strata serve</c>. Like the Durable host it keeps one instance per pipeline
/// (<see cref="InstanceIds"/>): asking for a run while one is in progress marks the pipeline dirty,
/// and the running workflow continues as new when it ends, so runs never overlap. Instance
/// status lives in memory; runs themselves are recorded in storage.
/// </summary>
public sealed partial class LocalWorkflowHost : IAsyncDisposable
{
    private readonly ActivityDispatcher _activities;
    private readonly PipelineStateStore _states;
    private readonly RunLeaseKeeper _leases;
    private readonly WorkflowOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly ResiliencePipeline _retry;
    private readonly ConcurrentDictionary<string, LocalInstance> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly HashSet<string> _restart = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public LocalWorkflowHost(ActivityDispatcher activities, PipelineStateStore states, RunLeaseKeeper leases, IOptions<WorkflowOptions> options, TimeProvider time, ILogger<LocalWorkflowHost> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _activities = activities;
        _states = states;
        _leases = leases;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _slots = new SemaphoreSlim(Math.Max(1, _options.LocalParallelism));
        _retry = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientErrors.IsTransient),
            MaxRetryAttempts = Math.Max(0, _options.MaxAttempts - 1),
            Delay = _options.FirstRetryInterval,
            MaxDelay = _options.MaxRetryInterval,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        }).Build();
    }

    /// <summary>Raised with each progress snapshot a workflow publishes (instance id, status).</summary>
    public event Action<string, object>? StatusChanged;

    /// <summary>Raised after each activity succeeds, with its name (progress counters; tests stop runs midway with it).</summary>
    public event Action<string>? ActivityCompleted;

    /// <summary>Records every call of every run when set (for replay tests).</summary>
    public WorkflowHistory? History { get; set; }

    /// <summary>
    /// Starts a run in the background and returns its instance id. When the pipeline's instance
    /// is already running, marks the pipeline dirty instead (the run continues as new) and
    /// returns the same id with <c>Started = false</c>.
    /// </summary>
    public async Task<(string InstanceId, bool Started)> StartAsync(RunRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = InstanceIds.ForPipeline(request.Pipeline);
        lock (_running)
        {
            if (!_running.ContainsKey(id))
            {
                var now = _time.GetUtcNow();
                _instances[id] = new LocalInstance(id, WorkflowNames.RunPipeline, InstanceStatus.Pending, now, now, null, null, null);
                _running[id] = Task.Run(() => ExecuteAsync(id, request, _stopping.Token), CancellationToken.None);
                return (id, true);
            }

            // Decided under the same lock the run takes to end, so a start can never fall between
            // the run's last look at the dirty flag and its end.
            _restart.Add(id);
        }

        await _states.MarkDirtyAsync(request.Pipeline, ct);
        return (id, false);
    }

    /// <summary>
    /// Runs to the end (through any continue-as-new) and returns every run's summary. When another
    /// run holds the pipeline's lease (another process, or another host on the same lake), waits for
    /// it to end or lapse, then runs the request as given.
    /// </summary>
    public async Task<IReadOnlyList<RunSummary>> RunAsync(RunRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        request = request with { WaitForLease = true };
        var id = InstanceIds.ForPipeline(request.Pipeline);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _stopping.Token);
        var now = _time.GetUtcNow();
        _instances[id] = new LocalInstance(id, WorkflowNames.RunPipeline, InstanceStatus.Pending, now, now, null, null, null);
        return await ExecuteAsync(id, request, linked.Token);
    }

    public LocalInstance? Get(string instanceId) => _instances.TryGetValue(instanceId, out var instance) ? instance : null;

    /// <summary>Waits for a background run of the instance, if any.</summary>
    public Task WaitAsync(string instanceId) => _running.TryGetValue(instanceId, out var task) ? task : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_running.Values);
        }
        catch (OperationCanceledException)
        {
            // Stopping is what we asked for.
        }

        _stopping.Dispose();
        _slots.Dispose();
    }

    private async Task<IReadOnlyList<RunSummary>> ExecuteAsync(string id, RunRequest request, CancellationToken ct)
    {
        var summaries = new List<RunSummary>();
        string? waitingFor = null;
        try
        {
            // Keeps this process's leases on the pipeline renewed while its runs execute; a run that
            // fails or is stopped before CompleteRun has its lease released when the hold closes.
            await using var hold = _leases.Hold(request.Pipeline);
            while (true)
            {
                Update(id, s => s with { Status = InstanceStatus.Running });
                var context = new LocalWorkflowContext(id, _activities, _slots, _retry, _time, _logger,
                    status =>
                    {
                        Update(id, s => s with { CustomStatus = status });
                        StatusChanged?.Invoke(id, status);
                    }, History, name => ActivityCompleted?.Invoke(name), ct);
                var current = request;
                var summary = await WorkflowPump.RunAsync(() => PipelineWorkflow.RunAsync(context, current));
                if (summary.Refused is { } refused && current.WaitForLease)
                {
                    if (refused.RunId != waitingFor)
                    {
                        waitingFor = refused.RunId;
                        LogWaiting(current.Pipeline, refused.ToString());
                    }

                    await Task.Delay(_leases.WaitPollInterval, _time, ct);
                    continue;
                }

                summaries.Add(summary);
                Update(id, s => s with { Output = summary });
                if (context.ContinueAsNewInput is RunRequest next)
                {
                    // The new execution plans from storage, so it covers any start that asked for a restart.
                    lock (_running)
                    {
                        _restart.Remove(id);
                    }

                    request = next with { WaitForLease = request.WaitForLease };
                    continue;
                }

                lock (_running)
                {
                    if (!_restart.Remove(id))
                    {
                        _running.TryRemove(id, out _);
                        break;
                    }
                }

                request = new RunRequest(request.Pipeline, Trigger: "landing");
            }

            Update(id, s => s with { Status = InstanceStatus.Completed });
            return summaries;
        }
        catch (Exception e)
        {
            Update(id, s => s with { Status = InstanceStatus.Failed, Error = e.Message });
            throw;
        }
        finally
        {
            lock (_running)
            {
                _restart.Remove(id);
                _running.TryRemove(id, out _);
            }
        }
    }

    [LoggerMessage(EventId = 6020, Level = LogLevel.Warning, Message = "The run of {Pipeline} waits: {Refusal}; it starts when that run ends or its lease lapses")]
    private partial void LogWaiting(string pipeline, string refusal);

    private void Update(string id, Func<LocalInstance, LocalInstance> change) =>
        _instances.AddOrUpdate(id, _ => throw new InvalidOperationException($"unknown instance {id}"), (_, s) => change(s) with { LastUpdatedAt = _time.GetUtcNow() });
}
