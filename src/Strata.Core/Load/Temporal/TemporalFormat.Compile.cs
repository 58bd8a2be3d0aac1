using System.Collections.Concurrent;
using System.Text;

namespace Strata.Load.Temporal;

/// <summary>Turning pattern text into elements, with the checks that make a pattern usable (see <see cref="TemporalFormat"/>).</summary>
internal sealed partial class TemporalFormat
{
    private const string Supported = "%Y %y %m %d %e %b %B %h %a %A %H %I %M %S %f %p %z %F %T %%, or epoch / epoch_ms";
    private static readonly ConcurrentDictionary<string, TemporalFormat> s_compiled = new(StringComparer.Ordinal);

    /// <summary>The compiled format of <paramref name="pattern"/>; throws <see cref="FormatException"/> saying what is wrong with it.</summary>
    public static TemporalFormat Compile(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (s_compiled.TryGetValue(pattern, out var known))
        {
            return known;
        }

        return TryCompile(pattern, out var format, out var error) ? s_compiled.GetOrAdd(pattern, format!) : throw new FormatException(error);
    }

    /// <summary>Compiles <paramref name="pattern"/>, or says what is wrong with it.</summary>
    public static bool TryCompile(string pattern, out TemporalFormat? format, out string? error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        format = null;
        switch (pattern)
        {
            case EpochSeconds:
                format = new TemporalFormat(pattern, [], Schema.ValueParser.MicrosPerSecond);
                error = null;
                return true;
            case EpochMilliseconds:
                format = new TemporalFormat(pattern, [], 1000);
                error = null;
                return true;
        }

        var elements = new List<Element>();
        error = Parse(pattern, elements) ?? Check(elements);
        if (error is not null)
        {
            error = $"format '{pattern}': {error}";
            return false;
        }

        format = new TemporalFormat(pattern, [.. elements], 0);
        return true;
    }

    private static string? Parse(string pattern, List<Element> elements)
    {
        for (var p = 0; p < pattern.Length; p++)
        {
            var c = pattern[p];
            if (c == ' ')
            {
                if (elements.Count == 0 || elements[^1].Kind != Kind.Blank)
                {
                    elements.Add(new Element(Kind.Blank));
                }

                continue;
            }

            if (c != '%')
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    elements.Add(new Element(Kind.Literal, b));
                }

                continue;
            }

            if (++p < pattern.Length && pattern[p] == '-')
            {
                p++; // glibc's "no padding" flag: every number already reads padded or not
            }

            if (p >= pattern.Length)
            {
                return "it ends with a lone '%'";
            }

            switch (pattern[p])
            {
                case 'F':
                    elements.AddRange([new(Kind.Year4), new(Kind.Literal, (byte)'-'), new(Kind.Month), new(Kind.Literal, (byte)'-'), new(Kind.Day)]);
                    break;
                case 'T':
                    elements.AddRange([new(Kind.Hour24), new(Kind.Literal, (byte)':'), new(Kind.Minute), new(Kind.Literal, (byte)':'), new(Kind.Second)]);
                    break;
                case '%':
                    elements.Add(new Element(Kind.Literal, (byte)'%'));
                    break;
                default:
                    if (KindOf(pattern[p]) is not { } kind)
                    {
                        return $"'%{pattern[p]}' is not a supported directive (use {Supported})";
                    }

                    elements.Add(new Element(kind));
                    break;
            }
        }

        // %p and %z take the blanks before them themselves, so "1:05PM" reads with "%I:%M %p" too.
        for (var e = elements.Count - 2; e >= 0; e--)
        {
            if (elements[e].Kind == Kind.Blank && elements[e + 1].Kind is Kind.AmPm or Kind.Offset)
            {
                elements.RemoveAt(e);
            }
        }

        // "%S.%f" spells the fraction out, so %S must not take it.
        for (var e = 0; e + 2 < elements.Count; e++)
        {
            if (elements[e].Kind == Kind.Second && elements[e + 1] == new Element(Kind.Literal, (byte)'.') && elements[e + 2].Kind == Kind.Fraction)
            {
                elements[e] = new Element(Kind.SecondPlain);
            }
        }

        return null;
    }

    private static Kind? KindOf(char directive) => directive switch
    {
        'Y' => Kind.Year4,
        'y' => Kind.Year2,
        'm' => Kind.Month,
        'd' or 'e' => Kind.Day,
        'b' or 'B' or 'h' => Kind.MonthName,
        'a' or 'A' => Kind.WeekdayName,
        'H' => Kind.Hour24,
        'I' => Kind.Hour12,
        'M' => Kind.Minute,
        'S' => Kind.Second,
        'f' => Kind.Fraction,
        'p' => Kind.AmPm,
        'z' => Kind.Offset,
        _ => null,
    };

    /// <summary>A pattern must name a whole date once, and a time only in a form that reads one way.</summary>
    private static string? Check(List<Element> elements)
    {
        int Count(params Kind[] kinds) => elements.Count(e => kinds.Contains(e.Kind));
        foreach (var (kinds, what) in new (Kind[], string)[]
        {
            ([Kind.Year4, Kind.Year2], "a year (%Y or %y)"),
            ([Kind.Month, Kind.MonthName], "a month (%m or %b)"),
            ([Kind.Day], "a day (%d)"),
        })
        {
            var n = Count(kinds);
            if (n != 1)
            {
                return n == 0 ? $"it needs {what}" : $"it has more than one {what}";
            }
        }

        foreach (var kind in new[] { Kind.Hour24, Kind.Hour12, Kind.Minute, Kind.Second, Kind.SecondPlain, Kind.Fraction, Kind.AmPm, Kind.Offset, Kind.WeekdayName })
        {
            if (Count(kind) > 1)
            {
                return "a directive appears twice";
            }
        }

        var hours = Count(Kind.Hour24, Kind.Hour12);
        return hours > 1 ? "it has both %H and %I"
            : Count(Kind.Hour12) != Count(Kind.AmPm) ? "%I (12-hour clock) and %p (AM/PM) go together"
            : Count(Kind.Minute) > hours ? "%M needs an hour (%H or %I)"
            : Count(Kind.Second, Kind.SecondPlain) > Count(Kind.Minute) ? "%S needs minutes (%M)"
            : Count(Kind.Fraction) > Count(Kind.SecondPlain) ? "%f needs seconds before it (%S.%f)"
            : Count(Kind.Offset) > hours ? "%z needs a time of day"
            : null;
    }
}
