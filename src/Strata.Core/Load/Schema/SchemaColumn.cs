using System.Text.Json.Serialization;
using Strata.Definitions;

namespace Strata.Load.Schema;

/// <summary>One column of a <see cref="SourceSchema"/>.</summary>
/// <param name="Name">Column name as in the file (case-sensitive).</param>
/// <param name="Type">Logical type.</param>
/// <param name="Scale">Digits after the point for <see cref="ColumnType.Decimal"/> (Parquet <c>decimal(18, Scale)</c>, 0–9); 0 for every other type.</param>
/// <param name="Nullable">False only for a column declared <see cref="ColumnHint.Required"/>; inferred columns are always nullable, so a file that happens to have no nulls does not make a new schema version.</param>
public sealed record SchemaColumn(string Name, ColumnType Type, int Scale, bool Nullable)
{
    /// <summary>Precision of every decimal load writes: fits an int64, so Parquet stores it as INT64.</summary>
    public const int DecimalPrecision = 18;

    /// <summary>The largest decimal scale load infers; more fraction digits make a column double.</summary>
    public const int MaxDecimalScale = 9;

    /// <summary>
    /// The text format a date or timestamp column's values had (<c>%b %d %Y</c>: declared, or sniffed
    /// from the file); null for ISO 8601 and for typed input. Part of the schema, so a producer
    /// switching formats makes a new schema version and a drift event.
    /// </summary>
    public string? Format { get; init; }

    /// <summary>
    /// True when the file had no value at all in this column (a header-only file, an empty column,
    /// every row quarantined): the column exists, but its type (<see cref="ColumnType.String"/>, all
    /// nulls) is a placeholder that carries no evidence, so merging it never widens anything.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NoValues { get; init; }

    /// <summary>Readable form: <c>amount decimal(18,2)</c>, <c>id int64 not null</c>, <c>day date '%d/%m/%Y'</c>, <c>opt_in (no values)</c>.</summary>
    public override string ToString()
    {
        var type = NoValues ? "(no values)" : Type == ColumnType.Decimal ? $"decimal({DecimalPrecision},{Scale})" : Type.ToString().ToLowerInvariant();
        var format = Format is null ? "" : $" '{Format}'";
        return Nullable ? $"{Name} {type}{format}" : $"{Name} {type}{format} not null";
    }
}
