using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Orchestration;

/// <summary>
/// The core's <see cref="IWorkflowContext"/> over Durable's <see cref="TaskOrchestrationContext"/>.
/// Every member forwards to the orchestration context, so the workflow keeps Durable's replay
/// guarantees. Activities are retried as the local host retries them: only failures
/// <see cref="TransientFailures"/> marks transient, <c>MaxAttempts</c> in all, the first retry after
/// <c>FirstRetryInterval</c>, doubling up to <c>MaxRetryInterval</c> — the run's settings, from its
/// history (<see cref="RunStarted.Retry"/>), never from configuration read during a replay.
/// </summary>
public sealed class DurableWorkflowContext : IWorkflowContext
{
    private readonly TaskOrchestrationContext _context;
    private TaskOptions _activityRetry = RetryOptions(ActivityRetry.Default);

    public DurableWorkflowContext(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        Logger = context.CreateReplaySafeLogger("Strata.Workflow");
    }

    public string InstanceId => _context.InstanceId;

    // Durable's clock is the UTC time recorded in the history, the same on every replay.
    public DateTimeOffset CurrentUtcDateTime => new(_context.CurrentUtcDateTime, TimeSpan.Zero);

    public ILogger Logger { get; }

    public Task<TResult> CallActivityAsync<TResult>(string name, object input) =>
        _context.CallActivityAsync<TResult>(name, input, _activityRetry);

    public void UseActivityRetry(ActivityRetry retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        _activityRetry = RetryOptions(retry);
    }

    // No retry here: a build batch never fails as a whole (a failed partition is a result), a parse
    // batch fails only after its activities' retries, and the local host does not retry sub-workflows.
    public Task<TResult> CallSubWorkflowAsync<TResult>(string name, object input) =>
        _context.CallSubOrchestratorAsync<TResult>(name, input);

    public void SetCustomStatus(object status) => _context.SetCustomStatus(status);

    public void ContinueAsNew(object input) => _context.ContinueAsNew(input);

    private static TaskOptions RetryOptions(ActivityRetry retry) =>
        TaskOptions.FromRetryPolicy(new RetryPolicy(retry.MaxAttempts, retry.FirstRetryInterval, backoffCoefficient: 2.0, maxRetryInterval: retry.MaxRetryInterval)
        {
            HandleFailure = TransientFailures.IsTransient,
        });
}
