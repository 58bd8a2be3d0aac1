using System.Runtime.CompilerServices;

namespace Strata.Load.Schema;

/// <summary>Dates and ISO 8601 timestamps (see <see cref="ValueParser"/>): UTF-8 in, days or UTC microseconds out.</summary>
internal static partial class ValueParser
{
    /// <summary><c>yyyy-MM-dd</c> as days since 1970-01-01.</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> text, out int days)
    {
        days = 0;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-')
        {
            return false;
        }

        if (!TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        days = DaysFromCivil(year, month, day);
        return true;
    }

    /// <summary>Lenient date for declared date columns (surrounding blanks allowed).</summary>
    public static bool TryParseDateLenient(ReadOnlySpan<byte> text, out int days) => TryParseDate(Trim(text), out days);

    /// <summary>An ISO 8601 timestamp, or a date (midnight), as UTC microseconds since the epoch.</summary>
    public static bool TryParseTimestamp(ReadOnlySpan<byte> text, out long micros) => TryParseTimestampCore(Trim(text), allowDateOnly: true, out micros);

    /// <summary>
    /// <see cref="TryParseTimestamp(ReadOnlySpan{byte}, out long)"/>, also saying whether <see cref="Classify"/> would
    /// call the same text a timestamp: parsed, without surrounding blanks and not a bare date. Pass 1
    /// parses the partition column's value for its partition, and need not parse it again to infer its type.
    /// </summary>
    public static bool TryParseTimestamp(ReadOnlySpan<byte> text, out long micros, out bool classifiesAsTimestamp)
    {
        var trimmed = Trim(text);
        var parsed = TryParseTimestampCore(trimmed, allowDateOnly: true, out micros);
        classifiesAsTimestamp = parsed && trimmed.Length == text.Length && text.Length > 10;
        return parsed;
    }

    private static bool TryParseTimestampCore(ReadOnlySpan<byte> text, bool allowDateOnly, out long micros)
    {
        micros = 0;
        if (text.Length < 10 || !TryParseDate(text[..10], out var days))
        {
            return false;
        }

        if (text.Length == 10)
        {
            micros = days * MicrosPerDay;
            return allowDateOnly;
        }

        var separator = text[10];
        if ((separator != (byte)'T' && separator != (byte)'t' && separator != (byte)' ') || text.Length < 16 || text[13] != (byte)':')
        {
            return false;
        }

        if (!TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || hour > 23 || minute > 59)
        {
            return false;
        }

        var i = 16;
        var second = 0;
        long fraction = 0;
        if (i < text.Length && text[i] == (byte)':')
        {
            if (!TryDigits(text, i + 1, 2, out second) || second > 59)
            {
                return false;
            }

            i += 3;
            if (i < text.Length && text[i] == (byte)'.')
            {
                i++;
                if (!TryParseFraction(text, ref i, out fraction))
                {
                    return false;
                }
            }
        }

        long offsetMinutes = 0;
        if (i < text.Length)
        {
            var zone = text[i];
            if ((zone == (byte)'Z' || zone == (byte)'z') && i + 1 == text.Length)
            {
                i++;
            }
            else if (zone == (byte)'+' || zone == (byte)'-')
            {
                if (!TryParseOffset(text[(i + 1)..], out var minutes))
                {
                    return false;
                }

                offsetMinutes = zone == (byte)'-' ? -minutes : minutes;
                i = text.Length;
            }
            else
            {
                return false;
            }
        }

        micros = (days * MicrosPerDay) + (((hour * 3600L) + (minute * 60L) + second) * MicrosPerSecond) + fraction - (offsetMinutes * 60 * MicrosPerSecond);
        return micros is >= MinMicros and <= MaxMicros;
    }

    /// <summary>1–9 fraction digits from <paramref name="i"/> (just past the point), truncated to microseconds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // on the ISO timestamp fast path
    public static bool TryParseFraction(ReadOnlySpan<byte> text, ref int i, out long micros)
    {
        micros = 0;
        var start = i;
        while (i < text.Length && IsDigit(text[i]))
        {
            if (i - start < 6)
            {
                micros = (micros * 10) + (text[i] - '0');
            }

            i++;
        }

        var count = i - start;
        for (var pad = count; pad < 6; pad++)
        {
            micros *= 10;
        }

        return count is > 0 and <= 9;
    }

    private static bool TryParseOffset(ReadOnlySpan<byte> text, out int minutes)
    {
        minutes = 0;
        int hours, mins = 0;
        switch (text.Length)
        {
            case 2 when TryDigits(text, 0, 2, out hours):
                break;
            case 4 when TryDigits(text, 0, 2, out hours) && TryDigits(text, 2, 2, out mins):
                break;
            case 5 when text[2] == (byte)':' && TryDigits(text, 0, 2, out hours) && TryDigits(text, 3, 2, out mins):
                break;
            default:
                return false;
        }

        if (hours > 23 || mins > 59)
        {
            return false;
        }

        minutes = (hours * 60) + mins;
        return true;
    }
}
