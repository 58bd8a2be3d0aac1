using Strata.Definitions;
using Strata.Load.Schema;
using Strata.Parquet;

namespace Strata.Quality.Profiles;

/// <summary>
/// One column's profile, gathered from the typed vectors a writer is writing anyway: the null count
/// is the vector's, min and max are one comparison per value, the distinct sketch one hash per
/// value, and value counts (text and boolean only) one lookup per value until the column proves
/// to have more than <see cref="ProfileOptions.LowCardinality"/> values, after which it keeps none.
/// A vector of another CLR type than the column's marks the accumulator <see cref="Unusable"/>:
/// the partition is then profiled from its file, never wrongly.
/// </summary>
internal abstract class ColumnAccumulator(string name, string type)
{
    public string Name { get; } = name;

    /// <summary>The DuckDB type of the column, as a reader of the file sees it.</summary>
    public string Type { get; } = type;

    public long Nulls { get; protected set; }

    public bool Unusable { get; protected set; }

    protected DistinctSketch Sketch { get; } = new();

    public abstract void Add(ColumnVector column);

    public abstract ColumnProfile ToProfile();

    /// <summary>The accumulator for a load column of <paramref name="column"/>'s type.</summary>
    public static ColumnAccumulator For(SchemaColumn column, int lowCardinality)
    {
        ArgumentNullException.ThrowIfNull(column);
        var type = Transform.InputViews.TypeOf(column);
        return column.Type switch
        {
            ColumnType.Boolean => new BooleanAccumulator(column.Name, type),
            ColumnType.Int64 => new ValueAccumulator<long>(column.Name, type, numeric: true),
            ColumnType.Decimal => new ValueAccumulator<decimal>(column.Name, type, numeric: true, column.Scale),
            ColumnType.Double => new ValueAccumulator<double>(column.Name, type, numeric: true),
            ColumnType.Date => new ValueAccumulator<DateOnly>(column.Name, type, numeric: false),
            ColumnType.Timestamp => new ValueAccumulator<DateTime>(column.Name, type, numeric: false),
            _ => new TextAccumulator(column.Name, type, lowCardinality),
        };
    }

    /// <summary>The vector as <typeparamref name="T"/> values, or null (and unusable) when it holds another type.</summary>
    protected ColumnVector<T>? Typed<T>(ColumnVector column)
        where T : struct
    {
        if (column is ColumnVector<T> typed)
        {
            Nulls += typed.NullCount;
            return typed;
        }

        Unusable = true;
        return null;
    }
}
