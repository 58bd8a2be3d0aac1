namespace Strata.Load.Formats;

/// <summary>
/// The columns a reader has met, in first-seen order: the CSV header, the Parquet schema, or the
/// union of JSON keys. The parser hands the same table to both passes over a file, so a column has
/// the same index in both.
/// </summary>
internal sealed class ColumnTable
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public ColumnTable()
    {
        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _names.Count;

    public IReadOnlyList<string> Names => _names;

    /// <summary>When false, a name not yet in the table is an error (the second pass must not find new columns).</summary>
    public bool Frozen { get; set; }

    public string this[int index] => _names[index];

    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The index of <paramref name="name"/>, adding it when new.</summary>
    public int GetOrAdd(ReadOnlySpan<char> name)
    {
        if (_lookup.TryGetValue(name, out var index))
        {
            return index;
        }

        if (Frozen)
        {
            throw new InvalidOperationException($"column '{name}' appeared in the second pass over a file but not in the first");
        }

        var text = name.ToString();
        _names.Add(text);
        _index[text] = _names.Count - 1;
        return _names.Count - 1;
    }
}
