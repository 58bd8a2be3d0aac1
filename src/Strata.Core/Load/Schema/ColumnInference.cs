using Strata.Definitions;

namespace Strata.Load.Schema;

/// <summary>
/// What one column's values seen so far allow: the join of their <see cref="ValueClass"/>es, with
/// the digits exact numbers need, so the column ends up in the narrowest type that holds every
/// value exactly. A column with only empty values is a string.
/// </summary>
internal struct ColumnInference
{
    private ValueKind _kind;
    private int _integerDigits;
    private int _scale;

    /// <summary>True once nothing but string can hold the column: callers stop classifying.</summary>
    public readonly bool IsString => _kind == ValueKind.String;

    /// <summary>Starts the column at a fixed type (a Parquet input's own column type).</summary>
    public static ColumnInference Fixed(ColumnType type, int scale) => new()
    {
        _kind = type switch
        {
            ColumnType.Boolean => ValueKind.Boolean,
            ColumnType.Int64 => ValueKind.Int64,
            ColumnType.Decimal => ValueKind.Decimal,
            ColumnType.Double => ValueKind.Double,
            ColumnType.Date => ValueKind.Date,
            ColumnType.Timestamp => ValueKind.Timestamp,
            _ => ValueKind.String,
        },
        _scale = scale,
        _integerDigits = type == ColumnType.Decimal ? SchemaColumn.DecimalPrecision - scale : 0,
    };

    public void Add(ValueClass value)
    {
        var kind = value.Kind;
        if (kind == ValueKind.Empty || (kind == _kind && kind is not (ValueKind.Int64 or ValueKind.Decimal)))
        {
            return;
        }

        if (kind is ValueKind.Int64 or ValueKind.Decimal)
        {
            _integerDigits = Math.Max(_integerDigits, value.IntegerDigits);
            _scale = Math.Max(_scale, value.Scale);
        }

        _kind = Join(_kind, kind);
        if (_kind == ValueKind.Decimal && _integerDigits + _scale > SchemaColumn.DecimalPrecision)
        {
            _kind = ValueKind.Double; // too many digits for decimal(18, scale): the chain goes on to double
        }
    }

    /// <summary>The inferred type and decimal scale.</summary>
    public readonly (ColumnType Type, int Scale) Result => _kind switch
    {
        ValueKind.Boolean => (ColumnType.Boolean, 0),
        ValueKind.Int64 => (ColumnType.Int64, 0),
        ValueKind.Decimal => (ColumnType.Decimal, _scale),
        ValueKind.Double => (ColumnType.Double, 0),
        ValueKind.Date => (ColumnType.Date, 0),
        ValueKind.Timestamp => (ColumnType.Timestamp, 0),
        _ => (ColumnType.String, 0),
    };

    /// <summary>For a declared decimal: the largest scale seen and the integer digits it must leave room for.</summary>
    public readonly (int IntegerDigits, int Scale) Digits => (_integerDigits, _scale);

    private static ValueKind Join(ValueKind current, ValueKind next)
    {
        if (current == ValueKind.Empty || current == next)
        {
            return next;
        }

        var currentNumeric = current is ValueKind.Int64 or ValueKind.Decimal or ValueKind.Double;
        var nextNumeric = next is ValueKind.Int64 or ValueKind.Decimal or ValueKind.Double;
        if (currentNumeric && nextNumeric)
        {
            return (ValueKind)Math.Max((byte)current, (byte)next);
        }

        if (current is ValueKind.Date or ValueKind.Timestamp && next is ValueKind.Date or ValueKind.Timestamp)
        {
            return ValueKind.Timestamp;
        }

        return ValueKind.String;
    }
}
