using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Strata.Workflow;
using Strata.Workflow.Local;

namespace Strata.Tests.Workflow;

/// <summary>
/// Replays a recorded execution the way Durable does: every call the workflow schedules must
/// match the recorded call with the same sequence number (name and input JSON), results are
/// delivered in the recorded completion order, and time comes from the history. Any difference
/// is collected in <see cref="Mismatches"/>.
/// </summary>
internal sealed class ReplayContext(WorkflowHistory history) : IWorkflowContext
{
    private readonly IReadOnlyList<HistoryCall> _recorded = history.Calls;
    private readonly IReadOnlyList<DateTimeOffset> _times = history.Times;
    private readonly Dictionary<int, TaskCompletionSource<string>> _pending = [];
    private int _scheduled;
    private int _timeReads;

    public List<string> Mismatches { get; } = [];

    public List<HistoryCall> Calls { get; } = [];

    public string InstanceId => "replay";

    public DateTimeOffset CurrentUtcDateTime => _timeReads < _times.Count ? _times[_timeReads++] : throw new InvalidOperationException("the workflow read the clock more often than it did when recorded");

    public ILogger Logger => NullLogger.Instance;

    public Task<TResult> CallActivityAsync<TResult>(string name, object input) => Schedule<TResult>("activity", name, input);

    public Task<TResult> CallSubWorkflowAsync<TResult>(string name, object input) => Schedule<TResult>("subworkflow", name, input);

    public void SetCustomStatus(object status)
    {
    }

    public void ContinueAsNew(object input)
    {
    }

    /// <summary>Delivers every recorded result in the recorded order; the workflow advances between deliveries.</summary>
    public void DeliverAll()
    {
        foreach (var sequence in history.Completions)
        {
            if (!_pending.Remove(sequence, out var pending))
            {
                Mismatches.Add($"call {sequence} ({_recorded[sequence].Name}) completed in the recording but was not scheduled at that point of the replay");
                return;
            }

            var call = _recorded[sequence];
            if (call.Error is not null)
            {
                pending.SetException(new ActivityFailedException(call.Name, new InvalidOperationException(call.Error)));
            }
            else
            {
                pending.SetResult(call.OutputJson!);
            }
        }
    }

    private async Task<TResult> Schedule<TResult>(string kind, string name, object input)
    {
        var sequence = _scheduled++;
        var json = JsonSerializer.Serialize(input, input.GetType(), StrataJson.Options);
        var call = new HistoryCall(sequence, kind, name, json);
        Calls.Add(call);
        if (sequence >= _recorded.Count || _recorded[sequence].Name != name || _recorded[sequence].Kind != kind || _recorded[sequence].InputJson != json)
        {
            Mismatches.Add($"call {sequence}: replay scheduled {kind} {name} {json}; recorded {(sequence < _recorded.Count ? $"{_recorded[sequence].Kind} {_recorded[sequence].Name} {_recorded[sequence].InputJson}" : "nothing")}");
        }

        // Results are delivered synchronously so the workflow runs on to its next await before the next delivery, as in a Durable replay.
        var pending = new TaskCompletionSource<string>();
        _pending[sequence] = pending;
        return JsonSerializer.Deserialize<TResult>(await pending.Task, StrataJson.Options)!;
    }
}
