namespace Strata.Workflow.Local;

/// <summary>
/// What a workflow execution did, in order: each call as scheduled (sequence number, name, input
/// JSON) and the order results came back. Enough to replay the execution and check that it makes
/// the same calls again — the property Durable's replay relies on.
/// </summary>
public sealed class WorkflowHistory
{
    private readonly List<HistoryCall> _calls = [];
    private readonly List<int> _completions = [];
    private readonly List<DateTimeOffset> _times = [];

    /// <summary>The times the workflow read from its context, in order (Durable serves them from history on replay).</summary>
    public IReadOnlyList<DateTimeOffset> Times
    {
        get
        {
            lock (_calls)
            {
                return _times.ToList();
            }
        }
    }

    public IReadOnlyList<HistoryCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.ToList();
            }
        }
    }

    /// <summary>Sequence numbers of calls in the order their results arrived.</summary>
    public IReadOnlyList<int> Completions
    {
        get
        {
            lock (_calls)
            {
                return _completions.ToList();
            }
        }
    }

    internal void ReadTime(DateTimeOffset time)
    {
        lock (_calls)
        {
            _times.Add(time);
        }
    }

    internal int Scheduled(string kind, string name, string inputJson)
    {
        lock (_calls)
        {
            _calls.Add(new HistoryCall(_calls.Count, kind, name, inputJson));
            return _calls.Count - 1;
        }
    }

    internal void Completed(int sequence, string? outputJson, string? error)
    {
        lock (_calls)
        {
            _calls[sequence] = _calls[sequence] with { OutputJson = outputJson, Error = error };
            _completions.Add(sequence);
        }
    }
}

/// <summary>One scheduled call: an activity or sub-workflow, its input, and its result or error.</summary>
public sealed record HistoryCall(int Sequence, string Kind, string Name, string InputJson, string? OutputJson = null, string? Error = null);
