using Strata.Definitions;
using Strata.Load.Temporal;

namespace Strata.Load.Schema;

/// <summary>
/// What one column's values seen so far allow: the join of their <see cref="ValueClass"/>es, with
/// the digits exact numbers need, so the column ends up in the narrowest type that holds every
/// value exactly. A column whose first value is text no type reads may still be a date or a
/// timestamp in another format than ISO 8601: a <see cref="TemporalSniffer"/> then reads every later
/// value, and the column is text as soon as one value fits none of its formats. A column with only
/// empty values has <see cref="NoValues"/>: a string placeholder without type evidence.
/// </summary>
internal struct ColumnInference
{
    private ValueKind _kind;
    private int _integerDigits;
    private int _scale;
    private TemporalSniffer? _sniffer;

    /// <summary>True once nothing but string can hold the column: callers stop classifying.</summary>
    public readonly bool IsString => _kind == ValueKind.String;

    /// <summary>True while a non-ISO format is being sniffed: values must go to <see cref="Add(ReadOnlySpan{byte}, DateOrder)"/>, not be classified by the caller.</summary>
    public readonly bool IsSniffing => _sniffer is not null;

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

    /// <summary>Adds one value's text (not a nested JSON value).</summary>
    public void Add(ReadOnlySpan<byte> text, DateOrder order)
    {
        if (_sniffer is not null)
        {
            if (!text.IsEmpty && !_sniffer.Add(text))
            {
                _sniffer = null; // one value in no shared format: the column is text
                _kind = ValueKind.String;
            }

            return;
        }

        var value = ValueParser.Classify(text);
        if (value.Kind == ValueKind.String && _kind == ValueKind.Empty && TemporalSniffer.Start(text, order) is { } sniffer)
        {
            _sniffer = sniffer;
            _kind = sniffer.Best.HasTime ? ValueKind.Timestamp : ValueKind.Date;
            return;
        }

        Add(value);
    }

    /// <summary>Adds a nested JSON value: only text holds it.</summary>
    public void AddNested()
    {
        _sniffer = null;
        _kind = ValueKind.String;
    }

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

    /// <summary>The sniffed format of a date or timestamp column that is not ISO 8601; null otherwise.</summary>
    public readonly TemporalFormat? Format => _sniffer?.Best;

    /// <summary>True when no value was seen: the column's type is a placeholder.</summary>
    public readonly bool NoValues => _kind == ValueKind.Empty;

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
