namespace Strata.Load.Temporal;

/// <summary>The elements of a pattern and how each one matches text (see <see cref="TemporalFormat"/>).</summary>
internal sealed partial class TemporalFormat
{
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
}
