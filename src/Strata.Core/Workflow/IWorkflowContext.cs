using Microsoft.Extensions.Logging;
using Strata.Workflow.Contracts;

namespace Strata.Workflow;

/// <summary>
/// What a workflow may do. The workflow is written once, against this, and driven by two hosts:
/// Durable Functions (<c>TaskOrchestrationContext</c> adapted in Strata.Functions) and the local
/// in-process host.
/// </summary>
/// <remarks>
/// <para>Determinism rules, which every workflow in this folder follows: a workflow is replayed from its
/// history, so it must make the same calls in the same order every time. Therefore a workflow</para>
/// <list type="bullet">
/// <item>reads no clock (use <see cref="CurrentUtcDateTime"/>), draws no random numbers and makes no GUIDs;</item>
/// <item>does no I/O — no storage, files, network or configuration; anything that reads the world is an activity;</item>
/// <item>awaits only tasks this context returns (fan-out is <c>Task.WhenAll</c> over them);</item>
/// <item>passes small records (ids and hashes, never rows) that round-trip through System.Text.Json.</item>
/// </list>
/// </remarks>
public interface IWorkflowContext
{
    /// <summary>The instance id of this workflow (the Durable instance id; fixed per pipeline so runs never overlap).</summary>
    string InstanceId { get; }

    /// <summary>The current time, from the host's history, identical on every replay.</summary>
    DateTimeOffset CurrentUtcDateTime { get; }

    /// <summary>A logger that writes only when the workflow is not replaying.</summary>
    ILogger Logger { get; }

    /// <summary>Calls an activity by name; the host applies its retry policy for transient failures.</summary>
    Task<TResult> CallActivityAsync<TResult>(string name, object input);

    /// <summary>
    /// Sets the retry policy of the activities called from now on: the run's, as recorded in
    /// <see cref="RunStarted"/>. A host that replays (Durable) schedules retries from the workflow,
    /// so the policy must come from history, not from settings read again on each replay. The
    /// default does nothing: the local host never replays and keeps the policy it started with.
    /// </summary>
    void UseActivityRetry(ActivityRetry retry)
    {
    }

    /// <summary>Calls a sub-workflow by name (used to keep large fan-outs' history small).</summary>
    Task<TResult> CallSubWorkflowAsync<TResult>(string name, object input);

    /// <summary>Publishes progress for status queries.</summary>
    void SetCustomStatus(object status);

    /// <summary>Restarts this workflow with new input once the current execution returns.</summary>
    void ContinueAsNew(object input);
}
