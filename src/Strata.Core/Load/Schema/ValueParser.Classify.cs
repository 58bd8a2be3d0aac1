using System.Globalization;

namespace Strata.Load.Schema;

/// <summary>The inference grammar: the narrowest kind a text value has (see <see cref="ValueParser"/>).</summary>
internal static partial class ValueParser
{
    /// <summary>The narrowest inferred kind of <paramref name="text"/>.</summary>
    public static ValueClass Classify(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return new ValueClass(ValueKind.Empty);
        }

        var first = text[0];
        if (IsDigit(first) || first == (byte)'-')
        {
            if (text.Length >= 10 && text[4] == (byte)'-' && IsDigit(first))
            {
                if (text.Length == 10)
                {
                    return TryParseDate(text, out _) ? new ValueClass(ValueKind.Date) : new ValueClass(ValueKind.String);
                }

                return TryParseTimestampCore(text, allowDateOnly: false, out _) ? new ValueClass(ValueKind.Timestamp) : new ValueClass(ValueKind.String);
            }

            return ClassifyNumber(text);
        }

        if ((first | 0x20) is (byte)'t' or (byte)'f')
        {
            return TryParseBoolean(text, out _) ? new ValueClass(ValueKind.Boolean) : new ValueClass(ValueKind.String);
        }

        return new ValueClass(ValueKind.String);
    }

    private static ValueClass ClassifyNumber(ReadOnlySpan<byte> text)
    {
        var i = text[0] == (byte)'-' ? 1 : 0;
        if (i == text.Length || !IsDigit(text[i]))
        {
            return new ValueClass(ValueKind.String);
        }

        int integerDigits;
        ulong magnitude = 0;
        if (text[i] == (byte)'0')
        {
            i++;
            integerDigits = 0;
            if (i < text.Length && IsDigit(text[i]))
            {
                return new ValueClass(ValueKind.String); // leading zero: an identifier such as a zip code
            }
        }
        else
        {
            var start = i;
            var overflow = false;
            for (; i < text.Length && IsDigit(text[i]); i++)
            {
                var d = (uint)(text[i] - '0');
                overflow |= magnitude > (ulong.MaxValue - d) / 10;
                magnitude = (magnitude * 10) + d;
            }

            integerDigits = i - start;
            if (overflow)
            {
                magnitude = ulong.MaxValue;
            }
        }

        if (i == text.Length)
        {
            var fits = text[0] == (byte)'-' ? magnitude <= (ulong)long.MaxValue + 1 : magnitude <= long.MaxValue;
            return fits ? new ValueClass(ValueKind.Int64, (byte)integerDigits) : new ValueClass(ValueKind.String);
        }

        var scale = 0;
        if (text[i] == (byte)'.')
        {
            var start = ++i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }

            scale = i - start;
            if (scale == 0)
            {
                return new ValueClass(ValueKind.String);
            }

            if (i == text.Length)
            {
                return scale <= SchemaColumn.MaxDecimalScale && integerDigits + scale <= SchemaColumn.DecimalPrecision
                    ? new ValueClass(ValueKind.Decimal, (byte)integerDigits, (byte)scale)
                    : new ValueClass(ValueKind.Double);
            }
        }

        if ((text[i] | 0x20) != (byte)'e')
        {
            return new ValueClass(ValueKind.String);
        }

        i++;
        if (i < text.Length && (text[i] == (byte)'+' || text[i] == (byte)'-'))
        {
            i++;
        }

        var exponentStart = i;
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        if (i != text.Length || i == exponentStart)
        {
            return new ValueClass(ValueKind.String);
        }

        // 1e999 is a number no column type can hold; keep it as text.
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed)
            ? new ValueClass(ValueKind.Double)
            : new ValueClass(ValueKind.String);
    }
}
