using System.Globalization;
using System.Runtime.CompilerServices;

namespace Strata.Load.Schema;

/// <summary>
/// Parses UTF-8 field text without allocating. Two grammars, written once here:
/// <list type="bullet">
/// <item><b>Inference</b> (<see cref="Classify"/>) is strict, so a value is only given a type it
/// round-trips through: integers have no leading zeros or '+' (<c>08123</c>, <c>+44</c> stay strings),
/// numbers follow JSON number syntax, decimals are plain notation with at most 9 fraction digits and
/// 18 significant digits (else double), an integer beyond int64 stays a string (it is an identifier,
/// and double would corrupt it), booleans are <c>true</c>/<c>false</c> in any case, dates are
/// <c>yyyy-MM-dd</c>, timestamps ISO 8601 (<c>T</c> or space, optional seconds, optional fraction
/// of up to 9 digits truncated to microseconds, optional <c>Z</c> or <c>±hh:mm</c>/<c>±hhmm</c>/<c>±hh</c>;
/// no offset means UTC).</item>
/// <item><b>Conversion</b> (the <c>TryParse*</c> methods) accepts everything inference produces for
/// the type or a narrower one, and is lenient for declared types: surrounding blanks, '+' and leading
/// zeros are fine, a date is a timestamp at midnight UTC.</item>
/// </list>
/// </summary>
internal static partial class ValueParser
{
    public const long MicrosPerSecond = 1_000_000;
    public const long MicrosPerDay = 86_400 * MicrosPerSecond;
    public const long MinMicros = -62_135_596_800_000_000; // 0001-01-01T00:00:00Z
    public const long MaxMicros = 253_402_300_799_999_999; // 9999-12-31T23:59:59.999999Z
    private static readonly long[] s_pow10 = BuildPowers();

    public static long Pow10(int exponent) => s_pow10[exponent];

    /// <summary>True for an instant a <see cref="DateTime"/> can hold (0001-01-01 to 9999-12-31, UTC).</summary>
    public static bool InRange(long micros) => micros is >= MinMicros and <= MaxMicros;

    public static bool TryParseBoolean(ReadOnlySpan<byte> text, out bool value)
    {
        text = Trim(text);
        if (text.Length == 4 && (text[0] | 0x20) == 't' && (text[1] | 0x20) == 'r' && (text[2] | 0x20) == 'u' && (text[3] | 0x20) == 'e')
        {
            value = true;
            return true;
        }

        if (text.Length == 5 && (text[0] | 0x20) == 'f' && (text[1] | 0x20) == 'a' && (text[2] | 0x20) == 'l' && (text[3] | 0x20) == 's' && (text[4] | 0x20) == 'e')
        {
            value = false;
            return true;
        }

        value = false;
        return false;
    }

    /// <summary>Lenient int64: optional sign, digits, leading zeros allowed.</summary>
    public static bool TryParseInt64(ReadOnlySpan<byte> text, out long value)
    {
        text = Trim(text);
        value = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+'))
        {
            negative = text[0] == (byte)'-';
            i = 1;
        }

        if (i == text.Length)
        {
            return false;
        }

        ulong magnitude = 0;
        for (; i < text.Length; i++)
        {
            var d = (uint)(text[i] - '0');
            if (d > 9 || magnitude > (ulong.MaxValue - d) / 10)
            {
                return false;
            }

            magnitude = (magnitude * 10) + d;
        }

        if (negative)
        {
            if (magnitude > (ulong)long.MaxValue + 1)
            {
                return false;
            }

            value = (long)(0 - magnitude);
            return true;
        }

        if (magnitude > long.MaxValue)
        {
            return false;
        }

        value = (long)magnitude;
        return true;
    }

    /// <summary>
    /// Lenient plain decimal: optional sign, digits, optional point and fraction digits; no exponent.
    /// At most 18 significant digits, so the unscaled value fits an int64.
    /// </summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> text, out long unscaled, out int scale, out int integerDigits)
    {
        text = Trim(text);
        unscaled = 0;
        scale = 0;
        integerDigits = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+'))
        {
            negative = text[0] == (byte)'-';
            i = 1;
        }

        long value = 0;
        var digits = 0;
        var sawDigit = false;
        for (; i < text.Length && IsDigit(text[i]); i++)
        {
            sawDigit = true;
            var d = text[i] - '0';
            if (value == 0 && d == 0)
            {
                continue; // leading zeros are not significant
            }

            if (++digits > 18)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        integerDigits = digits;
        if (i < text.Length)
        {
            if (text[i] != (byte)'.' || i + 1 == text.Length)
            {
                return false;
            }

            for (i++; i < text.Length; i++)
            {
                var d = (uint)(text[i] - '0');
                if (d > 9 || scale == 18)
                {
                    return false;
                }

                scale++;
                if (value != 0 || d != 0)
                {
                    digits++;
                }

                if (digits > 18)
                {
                    return false;
                }

                value = (value * 10) + d;
                sawDigit = true;
            }
        }

        unscaled = negative ? -value : value;
        return sawDigit;
    }

    /// <summary>Lenient double: anything <see cref="double.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider, out double)"/> reads as a float, invariant culture.</summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> text, out double value)
    {
        text = Trim(text);
        if (TryParseSimpleDouble(text, out value))
        {
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Civil date to days since 1970-01-01 (proleptic Gregorian).</summary>
    public static int DaysFromCivil(int year, int month, int day)
    {
        // H. Hinnant's days_from_civil: branch-light and exact for the whole DateTime range.
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = (((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5) + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468;
    }

    public static DateTime ToDateTime(long micros) => new(DateTime.UnixEpoch.Ticks + (micros * 10), DateTimeKind.Utc);

    public static DateOnly ToDateOnly(int days) => DateOnly.FromDayNumber(EpochDayNumber + days);

    public static int EpochDayNumber { get; } = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>
    /// Exact fast path (Clinger's) for plain decimals whose digits, read as an integer, are at most
    /// 2^53 and have at most 22 of them after the point: both the integer mantissa and the power of
    /// ten are exact doubles, so one division is correctly rounded. That takes every value of up to
    /// 15 significant digits and most of 16; longer mantissas (a double printed in full has 17
    /// digits) take <see cref="TryParseEiselLemire"/>, and the runtime parser is left the rest.
    /// </summary>
    private static bool TryParseSimpleDouble(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && text[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }

        long mantissa = 0;
        var digits = 0;
        var scale = 0;
        var sawPoint = false;
        var sawDigit = false;
        for (; i < text.Length; i++)
        {
            var b = text[i];
            if (IsDigit(b))
            {
                sawDigit = true;
                if (mantissa != 0 || b != (byte)'0')
                {
                    digits++;
                }

                mantissa = (mantissa * 10) + (b - '0');
                if (sawPoint)
                {
                    scale++;
                }

                if (digits > MaxSimpleDigits || scale > 22)
                {
                    return false; // 18 digits cannot overflow the mantissa; the 2^53 test below is the exact one
                }
            }
            else if (b == (byte)'.' && !sawPoint)
            {
                sawPoint = true;
            }
            else
            {
                return false;
            }
        }

        if (!sawDigit)
        {
            return false;
        }

        if (mantissa > MaxExactMantissa)
        {
            return TryParseEiselLemire((ulong)mantissa, scale, negative, out value);
        }

        var result = scale == 0 ? mantissa : mantissa / s_doublePow10[scale];
        value = negative ? -result : result;
        return true;
    }

    private const int MaxSimpleDigits = 18;
    private const long MaxExactMantissa = 1L << 53;
    private static readonly double[] s_doublePow10 = [.. Enumerable.Range(0, 23).Select(e => Math.Pow(10, e))];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            var d = (uint)(text[i] - '0');
            if (d > 9)
            {
                return false;
            }

            value = (value * 10) + (int)d;
        }

        return true;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty || (!IsBlank(text[0]) && !IsBlank(text[^1])))
        {
            return text;
        }

        var start = 0;
        var end = text.Length;
        while (start < end && IsBlank(text[start]))
        {
            start++;
        }

        while (end > start && IsBlank(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t';

    private static long[] BuildPowers()
    {
        var powers = new long[19];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
