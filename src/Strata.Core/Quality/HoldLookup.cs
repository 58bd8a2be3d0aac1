using Strata.Planning;

namespace Strata.Quality;

/// <summary>
/// Answers, during one plan, whether an output partition reads a held input partition. Each
/// input's holds are read once, lazily, as one range over markers that exist only while a
/// partition is held — so a plan of a dataset whose inputs hold nothing reads one empty range per input.
/// </summary>
internal sealed class HoldLookup(QualityStore store)
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _held = new(StringComparer.Ordinal);

    /// <summary>The plan detail <c>blocked by &lt;check&gt; on &lt;input&gt;/&lt;partition&gt;</c> for the first held part selected, or null.</summary>
    public async Task<string?> FindAsync(IReadOnlyList<InputSelection> selections, CancellationToken ct)
    {
        foreach (var selection in selections.Where(s => s.Parts.Count > 0))
        {
            var name = selection.Input.Name;
            if (!_held.TryGetValue(name, out var held))
            {
                held = await store.HeldAsync(name, ct);
                _held[name] = held;
            }

            if (held.Count > 0 && selection.Parts.FirstOrDefault(p => held.ContainsKey(p.Partition)) is { } part)
            {
                return $"blocked by {held[part.Partition]} on {name}/{part.Partition}";
            }
        }

        return null;
    }
}
