using System.Collections.Concurrent;

namespace Strata.Workflow.Local;

/// <summary>
/// Runs a workflow on one dedicated thread, as Durable runs an orchestrator: activities execute
/// on the thread pool, but every continuation of the workflow is queued here and runs one at a
/// time, in the order results arrived. That order is what <see cref="WorkflowHistory"/> records,
/// so a replay that delivers results in that order sees the same calls.
/// </summary>
internal sealed class WorkflowPump : SynchronizationContext, IDisposable
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];

    /// <summary>Runs <paramref name="workflow"/> on a new pump thread and completes with its result.</summary>
    public static Task<T> RunAsync<T>(Func<Task<T>> workflow)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            using var pump = new WorkflowPump();
            SetSynchronizationContext(pump);
            Task<T> task;
            try
            {
                task = workflow();
            }
            catch (Exception e)
            {
                result.SetException(e);
                return;
            }

            task.ContinueWith(_ => pump._queue.CompleteAdding(), TaskScheduler.Default);
            foreach (var (callback, state) in pump._queue.GetConsumingEnumerable())
            {
                callback(state);
            }

            if (task.IsCanceled)
            {
                result.SetCanceled();
            }
            else if (task.Exception is { } error)
            {
                result.SetException(error.InnerExceptions);
            }
            else
            {
                result.SetResult(task.Result);
            }
        })
        {
            IsBackground = true,
            Name = "strata-workflow",
        };
        thread.Start();
        return result.Task;
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        if (!_queue.TryAdd((d, state)))
        {
            // The workflow already finished; a stray continuation (an abandoned fan-out branch) runs on the pool.
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("workflows never block on their own thread");

    public override SynchronizationContext CreateCopy() => this;

    public void Dispose() => _queue.Dispose();
}
