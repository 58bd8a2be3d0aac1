using Strata.Workflow.Contracts;

namespace Strata.Planning;

/// <summary>
/// Partitions that might be stale, each with the most telling reason seen so far. The planner
/// then computes each one's fingerprint; only those whose fingerprint differs from the committed
/// one (or that are forced) are planned.
/// </summary>
internal sealed class CandidateSet
{
    private readonly SortedDictionary<string, (StaleReason Reason, string Detail)> _items = new(StringComparer.Ordinal);

    public int Count => _items.Count;

    public IEnumerable<string> Keys => _items.Keys;

    public (StaleReason Reason, string Detail) this[string partition] => _items[partition];

    public void Add(string partition, StaleReason reason, string detail)
    {
        if (!_items.TryGetValue(partition, out var existing) || Rank(reason) > Rank(existing.Reason))
        {
            _items[partition] = (reason, detail);
        }
    }

    public void AddAll(IEnumerable<string> partitions, StaleReason reason, string detail)
    {
        foreach (var partition in partitions)
        {
            Add(partition, reason, detail);
        }
    }

    public void RemoveWhere(Func<string, bool> predicate)
    {
        foreach (var key in _items.Keys.Where(predicate).ToList())
        {
            _items.Remove(key);
        }
    }

    // The reason a user most needs to hear wins: a failure (with its error) or a forced or
    // code-changed rebuild explains itself better than the input changes it also causes.
    private static int Rank(StaleReason reason) => reason switch
    {
        StaleReason.Forced => 7,
        StaleReason.PreviouslyFailed => 6,
        StaleReason.LoadSpecChanged or StaleReason.SqlChanged or StaleReason.DefinitionChanged => 5,
        StaleReason.InputChanged => 4,
        StaleReason.NewData => 3,
        _ => 1,
    };
}
