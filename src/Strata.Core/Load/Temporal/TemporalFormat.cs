using Strata.Load.Schema;

namespace Strata.Load.Temporal;

/// <summary>
/// A date or timestamp text format other than ISO 8601 (which <see cref="ValueParser"/> reads on its
/// fast path): a strftime-like pattern, or Unix epoch seconds (<c>epoch</c>) or milliseconds
/// (<c>epoch_ms</c>). One grammar serves the schema hint <c>format:</c> and the formats the
/// <see cref="TemporalSniffer"/> tries, so a sniffed format can always be written down as a hint.
/// <list type="bullet">
/// <item><c>%Y</c> four-digit year; <c>%y</c> two-digit year (69–99 → 19xx, 00–68 → 20xx).</item>
/// <item><c>%m</c>, <c>%d</c> (or <c>%e</c>), <c>%H</c>, <c>%I</c>, <c>%M</c>, <c>%S</c>: one or two
/// digits, padded or not. <c>%S</c> also takes a fraction (<c>05.25</c>) unless the pattern spells it
/// out as <c>%S.%f</c>; <c>%f</c> is 1–9 fraction digits. Fractions are truncated to microseconds.</item>
/// <item><c>%b</c> / <c>%B</c> / <c>%h</c>: an English month name, full or abbreviated (<c>Sep</c>,
/// <c>Sept</c>, <c>September</c>), any case; <c>%a</c> / <c>%A</c>: a weekday name, read and ignored.</item>
/// <item><c>%p</c>: AM or PM (any case, dots allowed), with the 12-hour <c>%I</c>; <c>%z</c>: an offset —
/// <c>Z</c>, <c>±hh</c>, <c>±hhmm</c>, <c>±hh:mm</c>, <c>UTC</c> or <c>GMT</c> (optionally followed by an
/// offset). Both accept blanks before them. No offset means UTC.</item>
/// <item><c>%F</c> is <c>%Y-%m-%d</c>, <c>%T</c> is <c>%H:%M:%S</c>, <c>%%</c> a percent sign; a
/// <c>-</c> flag (<c>%-d</c>) is accepted and changes nothing.</item>
/// <item>A space matches one or more blanks; any other character matches itself (letters in any case).
/// Blanks around the whole value are ignored.</item>
/// </list>
/// </summary>
internal sealed partial class TemporalFormat
{
    /// <summary>The <c>format:</c> of Unix epoch seconds (a fraction allowed: <c>1700000000.25</c>).</summary>
    public const string EpochSeconds = "epoch";

    /// <summary>The <c>format:</c> of Unix epoch milliseconds.</summary>
    public const string EpochMilliseconds = "epoch_ms";

    private readonly Element[] _elements;
    private readonly long _epochUnit;
    private readonly bool _twelveHour;

    private TemporalFormat(string pattern, Element[] elements, long epochUnit)
    {
        Pattern = pattern;
        _elements = elements;
        _epochUnit = epochUnit;
        _twelveHour = elements.Any(e => e.Kind == Kind.Hour12);
        HasTime = epochUnit > 0 || elements.Any(e => e.Kind is Kind.Hour24 or Kind.Hour12 or Kind.Minute or Kind.Second or Kind.SecondPlain or Kind.Fraction or Kind.AmPm or Kind.Offset);
    }

    /// <summary>The pattern as written (<c>%d/%m/%Y</c>, <c>epoch_ms</c>): what schemas and messages show.</summary>
    public string Pattern { get; }

    /// <summary>True when values carry a time of day (so the column is a timestamp, not a date).</summary>
    public bool HasTime { get; }

    /// <summary>Parses <paramref name="text"/> as UTC microseconds since the epoch.</summary>
    public bool TryParse(ReadOnlySpan<byte> text, out long micros)
    {
        text = Trim(text);
        return _epochUnit > 0 ? TryParseEpoch(text, _epochUnit, out micros) : TryParsePattern(text, out micros);
    }

    /// <summary>Parses <paramref name="text"/> as a date: days since 1970-01-01 (the UTC day of a timestamp).</summary>
    public bool TryParseDate(ReadOnlySpan<byte> text, out int days)
    {
        days = 0;
        if (!TryParse(text, out var micros))
        {
            return false;
        }

        days = (int)Math.Floor(micros / (double)ValueParser.MicrosPerDay);
        return true;
    }

    public override string ToString() => Pattern;

    private bool TryParsePattern(ReadOnlySpan<byte> text, out long micros)
    {
        micros = 0;
        var fields = new Fields();
        var i = 0;
        foreach (var element in _elements)
        {
            if (!Match(element, text, ref i, ref fields))
            {
                return false;
            }
        }

        if (i != text.Length)
        {
            return false;
        }

        var hour = fields.Hour;
        if (_twelveHour)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = (hour % 12) + (fields.Pm ? 12 : 0);
        }

        if (fields.Month is < 1 or > 12 || fields.Year < 1 || fields.Day < 1 || fields.Day > DateTime.DaysInMonth(fields.Year, fields.Month)
            || hour > 23 || fields.Minute > 59 || fields.Second > 59)
        {
            return false;
        }

        var days = ValueParser.DaysFromCivil(fields.Year, fields.Month, fields.Day);
        micros = (days * ValueParser.MicrosPerDay) + (((hour * 3600L) + (fields.Minute * 60L) + fields.Second) * ValueParser.MicrosPerSecond)
            + fields.Fraction - (fields.OffsetMinutes * 60L * ValueParser.MicrosPerSecond);
        return ValueParser.InRange(micros);
    }

    /// <summary>Optional sign, digits, optional fraction; <paramref name="unit"/> microseconds per whole unit.</summary>
    private static bool TryParseEpoch(ReadOnlySpan<byte> text, long unit, out long micros)
    {
        micros = 0;
        var i = 0;
        var negative = text.Length > 0 && text[0] == (byte)'-';
        if (text.Length > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+'))
        {
            i = 1;
        }

        long whole = 0;
        var start = i;
        for (; i < text.Length && IsDigit(text[i]); i++)
        {
            whole = (whole * 10) + (text[i] - '0');
            if (whole > ValueParser.MaxMicros / unit)
            {
                return false; // past 9999-12-31 whatever the unit
            }
        }

        if (i == start)
        {
            return false;
        }

        long fraction = 0;
        if (i < text.Length && text[i] == (byte)'.')
        {
            var digits = 0;
            for (i++; i < text.Length && IsDigit(text[i]); i++, digits++)
            {
                // Digit k (1-based) is worth unit / 10^k microseconds; past a microsecond it is dropped.
                if (digits < 6 && unit >= ValueParser.Pow10(digits + 1))
                {
                    fraction += (text[i] - '0') * (unit / ValueParser.Pow10(digits + 1));
                }
            }

            if (digits == 0)
            {
                return false;
            }
        }

        if (i != text.Length)
        {
            return false;
        }

        var magnitude = (whole * unit) + fraction;
        micros = negative ? -magnitude : magnitude;
        return ValueParser.InRange(micros);
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text) => text.Trim(" \t"u8);

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    /// <summary>What a pattern element matched so far.</summary>
    private struct Fields
    {
        public int Year;
        public int Month;
        public int Day;
        public int Hour;
        public int Minute;
        public int Second;
        public long Fraction;
        public bool Pm;
        public int OffsetMinutes;
    }
}
