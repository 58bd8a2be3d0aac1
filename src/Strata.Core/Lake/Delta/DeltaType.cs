using System.Globalization;
using Parquet.Schema;

namespace Strata.Lake.Delta;

/// <summary>
/// A column type in the Delta schema's words: <c>long</c>, <c>decimal(18,2)</c>, <c>timestamp</c>...
/// Only primitive types: outputs with nested columns are refused before they are committed (the
/// output hash reads flat columns only). <see cref="Join"/> is the widening rule the lake applies
/// when files of one table disagree; it is load's type lattice (<c>Load/Schema/TypeLattice</c>)
/// extended to every type SQL can write, so a load table's types are exactly the ones load writes.
/// </summary>
public sealed class DeltaType : IEquatable<DeltaType>
{
    public static readonly DeltaType String = new("string");
    public static readonly DeltaType Long = new("long");
    public static readonly DeltaType Integer = new("integer");
    public static readonly DeltaType Short = new("short");
    public static readonly DeltaType Byte = new("byte");
    public static readonly DeltaType Float = new("float");
    public static readonly DeltaType Double = new("double");
    public static readonly DeltaType Boolean = new("boolean");
    public static readonly DeltaType Binary = new("binary");
    public static readonly DeltaType Date = new("date");
    public static readonly DeltaType Timestamp = new("timestamp");
    public static readonly DeltaType TimestampNtz = new("timestamp_ntz");

    private static readonly DeltaType[] s_integers = [Byte, Short, Integer, Long];

    private DeltaType(string name, int precision = 0, int scale = 0)
    {
        Name = name;
        Precision = precision;
        Scale = scale;
        Text = name == "decimal" ? $"decimal({precision},{scale})" : name;
    }

    /// <summary><c>decimal</c>, or the primitive's name.</summary>
    public string Name { get; }

    public int Precision { get; }

    public int Scale { get; }

    /// <summary>The type as the schema writes it (<c>decimal(18,2)</c>).</summary>
    public string Text { get; }

    public static DeltaType Decimal(int precision, int scale) => new("decimal", precision, scale);

    /// <summary>Parses a schema field's type name.</summary>
    public static DeltaType Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith("decimal(", StringComparison.Ordinal))
        {
            return new DeltaType(text);
        }

        var parts = text[8..^1].Split(',');
        return Decimal(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The Delta type of a Parquet column, exactly (an INT32 is an <c>integer</c>, not a
    /// <c>long</c>). Throws <see cref="LakeException"/> for types Delta has no name for (TIME,
    /// UUID, unsigned integers), naming the column and what to do.
    /// </summary>
    public static DeltaType FromParquet(Field field, string where)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field switch
        {
            DecimalDataField d => Decimal(d.Precision, d.Scale),
            DateTimeDataField { DateTimeFormat: DateTimeFormat.Date } => Date,
            DateTimeDataField { DateTimeFormat: DateTimeFormat.Timestamp } t => t.IsAdjustedToUTC ? Timestamp : TimestampNtz,
            DateTimeDataField => Timestamp,
            TimeDataField => Unsupported(field, "TIME"),
            DataField { IsArray: false } d when FromClr(d.ClrType) is { } type => type,
            DataField d => Unsupported(field, d.ClrType.Name),
            _ => Unsupported(field, field.SchemaType.ToString()),
        };

        DeltaType Unsupported(Field column, string type) => throw new LakeException(
            $"{where}: column '{column.Name}' has a type a Delta table cannot hold ({type}; TIME, UUID, unsigned and nested types have no Delta type); cast it in the SQL, e.g. CAST({column.Name} AS VARCHAR)");
    }

    private static DeltaType? FromClr(Type t) =>
        t == typeof(bool) ? Boolean
        : t == typeof(long) ? Long
        : t == typeof(int) ? Integer
        : t == typeof(short) ? Short
        : t == typeof(sbyte) ? Byte
        : t == typeof(float) ? Float
        : t == typeof(double) ? Double
        : t == typeof(string) || t == typeof(ReadOnlyMemory<char>) ? String
        : t == typeof(byte[]) || t == typeof(ReadOnlyMemory<byte>) ? Binary
        : t == typeof(DateOnly) ? Date
        : t == typeof(DateTime) || t == typeof(DateTimeOffset) ? Timestamp
        : null;

    /// <summary>
    /// The narrowest type both widen to: integers to the wider integer, an integer and a decimal to
    /// the decimal, decimals to the larger precision and scale (as load does), any numbers with a
    /// float or double to <c>double</c>, a date and a timestamp to the timestamp, anything else
    /// (booleans or binary with anything different) to <c>string</c>.
    /// </summary>
    public static DeltaType Join(DeltaType a, DeltaType b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Equals(b))
        {
            return a;
        }

        var (ia, ib) = (Array.IndexOf(s_integers, a), Array.IndexOf(s_integers, b));
        if (ia >= 0 && ib >= 0)
        {
            return s_integers[Math.Max(ia, ib)];
        }

        if (a.Name == "decimal" && b.Name == "decimal")
        {
            var scale = Math.Max(a.Scale, b.Scale);
            return Decimal(Math.Max(Math.Max(a.Precision, b.Precision), scale), scale);
        }

        if ((a.Name == "decimal" && ib >= 0) || (b.Name == "decimal" && ia >= 0))
        {
            return a.Name == "decimal" ? a : b;
        }

        if (a.IsNumeric && b.IsNumeric)
        {
            return Double;
        }

        if (a.IsTemporal && b.IsTemporal)
        {
            return a.Equals(Date) ? b : b.Equals(Date) ? a : Timestamp;
        }

        return String;
    }

    /// <summary>The DuckDB type to CAST a column to when a file is rewritten at this type.</summary>
    public string DuckDbType => Name switch
    {
        "string" => "VARCHAR",
        "long" => "BIGINT",
        "integer" => "INTEGER",
        "short" => "SMALLINT",
        "byte" => "TINYINT",
        "float" => "FLOAT",
        "double" => "DOUBLE",
        "boolean" => "BOOLEAN",
        "binary" => "BLOB",
        "date" => "DATE",
        "timestamp" => "TIMESTAMPTZ",
        "timestamp_ntz" => "TIMESTAMP",
        _ => $"DECIMAL({Precision},{Scale})",
    };

    private bool IsNumeric => Array.IndexOf(s_integers, this) >= 0 || Name is "decimal" or "float" or "double";

    private bool IsTemporal => Name is "date" or "timestamp" or "timestamp_ntz";

    public bool Equals(DeltaType? other) => other is not null && string.Equals(other.Text, Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as DeltaType);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;
}
