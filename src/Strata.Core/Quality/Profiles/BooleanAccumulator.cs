using Strata.Parquet;

namespace Strata.Quality.Profiles;

/// <summary>Booleans: counting the trues is the whole profile (min, max, distinct and value counts follow).</summary>
internal sealed class BooleanAccumulator(string name, string type) : ColumnAccumulator(name, type)
{
    private long _true;
    private long _false;

    public override void Add(ColumnVector column)
    {
        if (Typed<bool>(column) is not { } vector)
        {
            return;
        }

        var trues = 0;
        foreach (var value in vector.Values)
        {
            trues += value ? 1 : 0;
        }

        _true += trues;
        _false += vector.ValueCount - trues;
    }

    public override ColumnProfile ToProfile()
    {
        var values = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (_false > 0)
        {
            values["false"] = _false;
        }

        if (_true > 0)
        {
            values["true"] = _true;
        }

        return new ColumnProfile(Name, Type, Nulls, values.Count)
        {
            Min = values.Count == 0 ? null : values.Keys.First(),
            Max = values.Count == 0 ? null : values.Keys.Last(),
            Values = values,
        };
    }
}
