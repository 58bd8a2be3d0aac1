using System.Runtime.InteropServices;
using Strata.Parquet;

namespace Strata.Quality.Profiles;

/// <summary>
/// Text: min and max by ordinal comparison (UTF-16 code units; DuckDB compares UTF-8 bytes, which
/// orders the same except characters beyond U+FFFF against U+E000–U+FFFF), kept as indexes while
/// a row group is scanned so only a new min or max per row group becomes a string. Value counts are
/// keyed by the value's 64-bit hash (a string is made once per distinct value) and dropped for good
/// once the column has more than the low-cardinality limit.
/// </summary>
internal sealed class TextAccumulator(string name, string type, int lowCardinality) : ColumnAccumulator(name, type)
{
    private readonly Dictionary<ulong, long> _counts = [];
    private readonly Dictionary<ulong, string> _names = [];
    private bool _manyValues;
    private string? _min;
    private string? _max;

    public override void Add(ColumnVector column)
    {
        if (Typed<ReadOnlyMemory<char>>(column) is not { } vector || vector.ValueCount == 0)
        {
            return;
        }

        var values = vector.Values;
        int min = 0, max = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var text = values[i].Span;
            if (text.SequenceCompareTo(values[min].Span) < 0)
            {
                min = i;
            }
            else if (text.SequenceCompareTo(values[max].Span) > 0)
            {
                max = i;
            }

            var hash = ValueHash.Of(text);
            Sketch.Add(hash);
            if (!_manyValues)
            {
                Count(hash, text);
            }
        }

        if (_min is null || values[min].Span.SequenceCompareTo(_min) < 0)
        {
            _min = values[min].ToString();
        }

        if (_max is null || values[max].Span.SequenceCompareTo(_max) > 0)
        {
            _max = values[max].ToString();
        }
    }

    public override ColumnProfile ToProfile()
    {
        var values = _manyValues ? null : new SortedDictionary<string, long>(_counts.ToDictionary(c => _names[c.Key], c => c.Value), StringComparer.Ordinal);
        return new ColumnProfile(Name, Type, Nulls, values?.Count ?? Sketch.Estimate()) { Min = _min, Max = _max, Values = values };
    }

    private void Count(ulong hash, ReadOnlySpan<char> text)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, hash, out var seen);
        count++;
        if (seen)
        {
            return;
        }

        if (_counts.Count > lowCardinality)
        {
            _manyValues = true;
            _counts.Clear();
            _names.Clear();
            return;
        }

        _names[hash] = text.ToString();
    }
}
