using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Strata.Workflow;

namespace Strata.Functions.Orchestration;

/// <summary>
/// The core's <see cref="IWorkflowContext"/> over Durable's <see cref="TaskOrchestrationContext"/>.
/// Every member forwards to the orchestration context, so the workflow keeps Durable's replay
/// guarantees. Activities get the retry policy of <see cref="WorkflowOptions"/> — the numbers the
/// local host uses: <c>MaxAttempts</c> in all, the first retry after <c>FirstRetryInterval</c>,
/// doubling up to <c>MaxRetryInterval</c>.
/// </summary>
internal sealed class DurableWorkflowContext : IWorkflowContext
{
    private readonly TaskOrchestrationContext _context;
    private readonly TaskOptions _activityRetry;

    public DurableWorkflowContext(TaskOrchestrationContext context, WorkflowOptions options)
    {
        _context = context;
        _activityRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
            options.MaxAttempts, options.FirstRetryInterval, backoffCoefficient: 2.0, maxRetryInterval: options.MaxRetryInterval));
        Logger = context.CreateReplaySafeLogger("Strata.Workflow");
    }

    public string InstanceId => _context.InstanceId;

    // Durable's clock is the UTC time recorded in the history, the same on every replay.
    public DateTimeOffset CurrentUtcDateTime => new(_context.CurrentUtcDateTime, TimeSpan.Zero);

    public ILogger Logger { get; }

    public Task<TResult> CallActivityAsync<TResult>(string name, object input) =>
        _context.CallActivityAsync<TResult>(name, input, _activityRetry);

    // No retry here: a batch never fails as a whole (a failed partition is a result), and the local host does not retry sub-workflows.
    public Task<TResult> CallSubWorkflowAsync<TResult>(string name, object input) =>
        _context.CallSubOrchestratorAsync<TResult>(name, input);

    public void SetCustomStatus(object status) => _context.SetCustomStatus(status);

    public void ContinueAsNew(object input) => _context.ContinueAsNew(input);
}
