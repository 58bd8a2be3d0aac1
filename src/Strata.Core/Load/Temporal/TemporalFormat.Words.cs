namespace Strata.Load.Temporal;

/// <summary>The elements that match words rather than digits: month and weekday names, AM/PM, offsets (see <see cref="TemporalFormat"/>).</summary>
internal sealed partial class TemporalFormat
{
    private static readonly byte[][] s_months =
        [.. new[] { "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december" }.Select(System.Text.Encoding.ASCII.GetBytes)];

    private static readonly byte[][] s_weekdays =
        [.. new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }.Select(System.Text.Encoding.ASCII.GetBytes)];

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
