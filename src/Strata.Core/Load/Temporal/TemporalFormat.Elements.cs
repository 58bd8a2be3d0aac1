namespace Strata.Load.Temporal;

/// <summary>The elements of a pattern and how each one matches text (see <see cref="TemporalFormat"/>).</summary>
internal sealed partial class TemporalFormat
{
    private static readonly byte[][] s_months =
        [.. new[] { "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december" }.Select(System.Text.Encoding.ASCII.GetBytes)];

    private static readonly byte[][] s_weekdays =
        [.. new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }.Select(System.Text.Encoding.ASCII.GetBytes)];

    private enum Kind : byte
    {
        Literal,
        Blank,
        Year4,
        Year2,
        Month,
        Day,
        MonthName,
        WeekdayName,
        Hour24,
        Hour12,
        Minute,
        Second,
        SecondPlain,
        Fraction,
        AmPm,
        Offset,
    }

    private readonly record struct Element(Kind Kind, byte Literal = 0);

    private static bool Match(Element element, ReadOnlySpan<byte> text, ref int i, ref Fields f)
    {
        switch (element.Kind)
        {
            case Kind.Literal:
                if (i >= text.Length || (text[i] | Fold(element.Literal)) != (element.Literal | Fold(element.Literal)))
                {
                    return false;
                }

                i++;
                return true;
            case Kind.Blank:
                var start = i;
                SkipBlanks(text, ref i);
                return i > start;
            case Kind.Year4:
                return Digits(text, ref i, 4, 4, out f.Year);
            case Kind.Year2:
                if (!Digits(text, ref i, 2, 2, out var year))
                {
                    return false;
                }

                f.Year = year < 69 ? 2000 + year : 1900 + year; // POSIX strptime's pivot
                return true;
            case Kind.Month:
                return Digits(text, ref i, 1, 2, out f.Month);
            case Kind.Day:
                return Digits(text, ref i, 1, 2, out f.Day);
            case Kind.MonthName:
                return Name(s_months, text, ref i, out f.Month);
            case Kind.WeekdayName:
                return Name(s_weekdays, text, ref i, out _);
            case Kind.Hour24 or Kind.Hour12:
                return Digits(text, ref i, 1, 2, out f.Hour);
            case Kind.Minute:
                return Digits(text, ref i, 1, 2, out f.Minute);
            case Kind.Second or Kind.SecondPlain:
                if (!Digits(text, ref i, 1, 2, out f.Second))
                {
                    return false;
                }

                return element.Kind == Kind.SecondPlain || i + 1 >= text.Length || text[i] != (byte)'.' || !IsDigit(text[i + 1]) || Fraction(text, ref i, ref f, skipPoint: true);
            case Kind.Fraction:
                return Fraction(text, ref i, ref f, skipPoint: false);
            case Kind.AmPm:
                SkipBlanks(text, ref i);
                return AmPm(text, ref i, out f.Pm);
            default:
                SkipBlanks(text, ref i);
                return Offset(text, ref i, out f.OffsetMinutes);
        }
    }

    /// <summary>0x20 for an ASCII letter (so the comparison ignores case), else 0.</summary>
    private static int Fold(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a' ? 0x20 : 0;

    private static void SkipBlanks(ReadOnlySpan<byte> text, ref int i)
    {
        while (i < text.Length && text[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }
    }

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> digits, as many as there are.</summary>
    private static bool Digits(ReadOnlySpan<byte> text, ref int i, int min, int max, out int value)
    {
        value = 0;
        var start = i;
        while (i < text.Length && i - start < max && IsDigit(text[i]))
        {
            value = (value * 10) + (text[i++] - '0');
        }

        return i - start >= min;
    }

    private static bool Fraction(ReadOnlySpan<byte> text, ref int i, ref Fields f, bool skipPoint)
    {
        if (skipPoint)
        {
            i++;
        }

        return Schema.ValueParser.TryParseFraction(text, ref i, out f.Fraction);
    }

    /// <summary>A full English name or its three-letter abbreviation (also <c>Sept</c>), any case, not followed by a letter.</summary>
    private static bool Name(byte[][] names, ReadOnlySpan<byte> text, ref int i, out int number)
    {
        number = 0;
        if (i + 3 > text.Length)
        {
            return false;
        }

        for (var n = 0; n < names.Length; n++)
        {
            var name = names[n];
            if (!StartsWithIgnoringCase(text[i..], name.AsSpan(0, 3)))
            {
                continue;
            }

            var end = i + 3;
            if (StartsWithIgnoringCase(text[end..], name.AsSpan(3)))
            {
                end = i + name.Length;
            }
            else if (name.Length == 9 && name[0] == (byte)'s' && end < text.Length && (text[end] | 0x20) == 't')
            {
                end++; // "Sept"
            }

            if (end < text.Length && Fold(text[end]) != 0)
            {
                return false;
            }

            number = n + 1;
            i = end;
            return true;
        }

        return false;
    }

    private static bool StartsWithIgnoringCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerPrefix)
    {
        if (text.Length < lowerPrefix.Length)
        {
            return false;
        }

        for (var k = 0; k < lowerPrefix.Length; k++)
        {
            if ((text[k] | 0x20) != lowerPrefix[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>AM</c>, <c>pm</c>, <c>a.m.</c>, <c>P.M.</c>.</summary>
    private static bool AmPm(ReadOnlySpan<byte> text, ref int i, out bool pm)
    {
        pm = false;
        if (i >= text.Length || (text[i] | 0x20) is not ((byte)'a' or (byte)'p'))
        {
            return false;
        }

        pm = (text[i] | 0x20) == 'p';
        var j = i + 1;
        var dotted = j < text.Length && text[j] == (byte)'.';
        if (dotted)
        {
            j++;
        }

        if (j >= text.Length || (text[j] | 0x20) != 'm')
        {
            return false;
        }

        j++;
        if (dotted && j < text.Length && text[j] == (byte)'.')
        {
            j++;
        }

        i = j;
        return true;
    }

    /// <summary><c>Z</c>, <c>UTC</c>, <c>GMT</c> (each optionally followed by an offset), or <c>±hh</c>, <c>±hhmm</c>, <c>±hh:mm</c>.</summary>
    private static bool Offset(ReadOnlySpan<byte> text, ref int i, out int minutes)
    {
        minutes = 0;
        if (i < text.Length && (text[i] | 0x20) == 'z')
        {
            i++;
            return true;
        }

        if (StartsWithIgnoringCase(text[i..], "utc"u8) || StartsWithIgnoringCase(text[i..], "gmt"u8))
        {
            i += 3;
            if (i >= text.Length || text[i] is not ((byte)'+' or (byte)'-'))
            {
                return true;
            }
        }

        if (i >= text.Length || text[i] is not ((byte)'+' or (byte)'-'))
        {
            return false;
        }

        var negative = text[i] == (byte)'-';
        i++;
        if (!Digits(text, ref i, 2, 2, out var hours) || hours > 23)
        {
            return false;
        }

        var mins = 0;
        if (i < text.Length && text[i] == (byte)':')
        {
            i++;
            if (!Digits(text, ref i, 2, 2, out mins))
            {
                return false;
            }
        }
        else if (i + 1 < text.Length && IsDigit(text[i]))
        {
            if (!Digits(text, ref i, 2, 2, out mins))
            {
                return false;
            }
        }

        if (mins > 59)
        {
            return false;
        }

        minutes = negative ? -((hours * 60) + mins) : (hours * 60) + mins;
        return true;
    }
}
