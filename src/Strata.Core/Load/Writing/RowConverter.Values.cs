using System.Text;
using Strata.Definitions;
using Strata.Load.Formats;
using Strata.Load.Schema;
using Strata.Load.Temporal;

namespace Strata.Load.Writing;

/// <summary>Value conversion and the partition check of <see cref="RowConverter"/>, with the reasons rows are quarantined for.</summary>
internal sealed partial class RowConverter
{
    /// <summary>
    /// Converts one field to <paramref name="type"/>. <paramref name="scale"/> is the decimal scale
    /// to produce, or -1 in pass 1 (then the digits are recorded on <paramref name="inferTo"/>, and
    /// a date or timestamp read as ISO 8601 is counted for its <see cref="ColumnRule.Choice"/>).
    /// <paramref name="format"/> reads dates and timestamps; null means ISO 8601.
    /// </summary>
    private static bool TryConvert(RecordBuffer record, int source, string name, ColumnType type, int scale, TemporalFormat? format, bool required, ref Cell cell, out RowFailure failure, ColumnRule? inferTo)
    {
        failure = default;
        if (source < 0 || record.IsNull(source))
        {
            cell.IsNull = true;
            return !required || Fail(out failure, $"required column '{name}' is empty", name, null);
        }

        var text = record.Value(source);
        if (type == ColumnType.String)
        {
            cell.IsNull = false;
            return true;
        }

        if (text.IsEmpty)
        {
            // An empty value has no type: null for every type but string ("" in CSV, "" in JSON).
            cell.IsNull = true;
            return !required || Fail(out failure, $"required column '{name}' is empty", name, null);
        }

        if (record.IsNested(source))
        {
            return Fail(out failure, $"column '{name}' holds a nested JSON value, not a {Describe(type, scale)}", name, Text(text));
        }

        cell.IsNull = false;
        switch (type)
        {
            case ColumnType.Int64:
                if (ValueParser.TryParseInt64(text, out cell.Long))
                {
                    return true;
                }

                break;
            case ColumnType.Double:
                if (ValueParser.TryParseDouble(text, out cell.Double))
                {
                    return true;
                }

                break;
            case ColumnType.Boolean:
                if (ValueParser.TryParseBoolean(text, out var flag))
                {
                    cell.Long = flag ? 1 : 0;
                    return true;
                }

                break;
            case ColumnType.Date:
                int days;
                if (format is null ? ValueParser.TryParseDateLenient(text, out days) : format.TryParseDate(text, out days))
                {
                    inferTo?.Choice?.Iso();
                    cell.Long = days;
                    return true;
                }

                inferTo?.Choice?.Other(text);
                break;
            case ColumnType.Timestamp:
                if (format is null ? ValueParser.TryParseTimestamp(text, out cell.Long) : format.TryParse(text, out cell.Long))
                {
                    inferTo?.Choice?.Iso();
                    return true;
                }

                inferTo?.Choice?.Other(text);
                break;
            case ColumnType.Decimal:
                return TryConvertDecimal(text, name, scale, ref cell, out failure, inferTo);
        }

        return Fail(out failure, $"column '{name}': '{Shorten(text)}' is not a valid {Describe(type, scale)}{In(format)}", name, Text(text));
    }

    private static bool TryConvertDecimal(ReadOnlySpan<byte> text, string name, int scale, ref Cell cell, out RowFailure failure, ColumnRule? inferTo)
    {
        failure = default;
        if (!ValueParser.TryParseDecimal(text, out var unscaled, out var valueScale, out var integerDigits))
        {
            return Fail(out failure, $"column '{name}': '{Shorten(text)}' is not a valid decimal (plain notation, at most 18 digits)", name, Text(text));
        }

        if (scale < 0)
        {
            if (valueScale > SchemaColumn.MaxDecimalScale)
            {
                return Fail(out failure, $"column '{name}': '{Shorten(text)}' has more than {SchemaColumn.MaxDecimalScale} decimal places", name, Text(text));
            }

            inferTo?.Inference.Add(new ValueClass(ValueKind.Decimal, (byte)integerDigits, (byte)valueScale));
            return true;
        }

        if (valueScale > scale || integerDigits + scale > SchemaColumn.DecimalPrecision)
        {
            return Fail(out failure, $"column '{name}': '{Shorten(text)}' does not fit decimal({SchemaColumn.DecimalPrecision},{scale})", name, Text(text));
        }

        var value = unscaled * ValueParser.Pow10(scale - valueScale);
        var magnitude = (ulong)Math.Abs(value);
        cell.Decimal = new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, value < 0, (byte)scale);
        return true;
    }

    /// <summary>Finds the row's partition instant; in pass 1 (<paramref name="infer"/>) also counts the value for the partition column's format choice.</summary>
    private bool TryPartition(RecordBuffer record, int output, bool infer, out long micros, out RowFailure failure)
    {
        failure = default;
        micros = 0;
        _partitionClassifiesAsTimestamp = false;
        if (_plan.FixedPartition is not null)
        {
            return true;
        }

        var name = _plan.PartitionColumn!;
        if (output >= 0)
        {
            ref var cell = ref _cells[output];
            if (!cell.IsNull)
            {
                micros = _plan.Outputs[output].Type == ColumnType.Date ? cell.Long * ValueParser.MicrosPerDay : cell.Long;
                return true;
            }
        }

        var source = _plan.PartitionSource;
        if (source < 0 || record.IsNull(source) || record.Value(source).IsEmpty)
        {
            return Fail(out failure, $"partition column '{name}' is empty", name, null);
        }

        var text = record.Value(source);
        var format = _plan.PartitionFormat;
        var timestamp = false;
        var parsed = !record.IsNested(source) && (format is null ? ValueParser.TryParseTimestamp(text, out micros, out timestamp) : format.TryParse(text, out micros));
        _partitionClassifiesAsTimestamp = timestamp;
        if (infer && _plan.PartitionChoice is { } choice)
        {
            if (parsed)
            {
                choice.Iso();
            }
            else
            {
                choice.Other(text);
            }
        }

        return parsed || Fail(out failure, $"partition column '{name}': '{Shorten(text)}' is not a timestamp or date{In(format)}", name, Text(text));
    }

    private static bool Fail(out RowFailure failure, string reason, string? column, string? value)
    {
        failure = new RowFailure(reason, column, value);
        return false;
    }

    private static string Describe(ColumnType type, int scale) => type switch
    {
        ColumnType.Decimal when scale >= 0 => $"decimal({SchemaColumn.DecimalPrecision},{scale})",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string Text(ReadOnlySpan<byte> value) => Encoding.UTF8.GetString(value);

    private static string In(TemporalFormat? format) => format is null ? "" : $" in the format '{format.Pattern}'";

    private static string Shorten(ReadOnlySpan<byte> value)
    {
        var text = Encoding.UTF8.GetString(value);
        return text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
    }
}
