using Strata.Definitions;

namespace Strata.Load.Temporal;

/// <summary>
/// Finds the one format a column's non-ISO date or timestamp values share, over the whole file:
/// it starts with every candidate that reads the first value and keeps, value by value, those
/// that read each one. Candidates: numeric dates in year-first (<c>2015/01/31</c>), day-first and
/// month-first order with <c>-</c>, <c>/</c> or <c>.</c>; dates with English month names
/// (<c>Jan 1 2000</c>, <c>Jan 1, 2000</c>, <c>1 Jan 2000</c>, <c>01-Jan-2000</c>, <c>Mon, 01 Jan 2000</c>...);
/// each alone or followed by a time (24-hour <c>13:05</c>, <c>13:05:09</c>; 12-hour <c>1:05 PM</c>,
/// <c>1:05:09 PM</c>; after a space, or after <c>T</c> for 24-hour) with optional fractional seconds
/// and an optional offset. Two-digit years are never guessed (declare <c>%y</c>). When day-first
/// and month-first both still read every value — no value had a part above 12 — the source's
/// <see cref="DateOrder"/> decides.
/// </summary>
internal sealed class TemporalSniffer
{
    // Sniffing starts only on text shaped like a date: at least "1/2/2000", at most a long RFC 1123 stamp.
    private const int MinLength = 8;
    private const int MaxLength = 64;

    private static readonly TemporalFormat[] s_dayFirst = Candidates(DateOrder.DayFirst);
    private static readonly TemporalFormat[] s_monthFirst = Candidates(DateOrder.MonthFirst);

    private readonly TemporalFormat[] _candidates;
    private int[] _alive;

    private TemporalSniffer(TemporalFormat[] candidates, int[] alive)
    {
        _candidates = candidates;
        _alive = alive;
    }

    /// <summary>The preferred format among those that read every value added.</summary>
    public TemporalFormat Best => _candidates[_alive[0]];

    /// <summary>A sniffer seeded with <paramref name="first"/>, or null when no candidate reads it.</summary>
    public static TemporalSniffer? Start(ReadOnlySpan<byte> first, DateOrder order)
    {
        if (first.Length is < MinLength or > MaxLength || first.IndexOfAnyInRange((byte)'0', (byte)'9') < 0)
        {
            return null;
        }

        var candidates = order == DateOrder.MonthFirst ? s_monthFirst : s_dayFirst;
        var alive = new List<int>();
        for (var c = 0; c < candidates.Length; c++)
        {
            if (candidates[c].TryParse(first, out _))
            {
                alive.Add(c);
            }
        }

        return alive.Count == 0 ? null : new TemporalSniffer(candidates, [.. alive]);
    }

    /// <summary>Keeps the candidates that also read <paramref name="value"/>; when none does, keeps them all and returns false.</summary>
    public bool Add(ReadOnlySpan<byte> value)
    {
        var kept = 0;
        Span<int> next = stackalloc int[_alive.Length];
        foreach (var c in _alive)
        {
            if (_candidates[c].TryParse(value, out _))
            {
                next[kept++] = c;
            }
        }

        if (kept == 0)
        {
            return false;
        }

        if (kept < _alive.Length)
        {
            _alive = next[..kept].ToArray();
        }

        return true;
    }

    private static TemporalFormat[] Candidates(DateOrder order)
    {
        var dates = new List<string>();
        var separators = new[] { "-", "/", "." };
        dates.AddRange(separators.Select(s => $"%Y{s}%m{s}%d"));
        var (first, second) = order == DateOrder.MonthFirst ? ("%m", "%d") : ("%d", "%m");
        dates.AddRange(separators.Select(s => $"{first}{s}{second}{s}%Y"));
        dates.AddRange(separators.Select(s => $"{second}{s}{first}{s}%Y"));
        dates.AddRange(["%b %d %Y", "%b %d, %Y", "%d %b %Y", "%d %b, %Y", "%d-%b-%Y", "%d/%b/%Y", "%b-%d-%Y", "%Y-%b-%d", "%a %b %d %Y", "%a, %d %b %Y", "%a %d %b %Y"]);

        string[] times = [" %H:%M", " %H:%M:%S", " %I:%M%p", " %I:%M:%S%p", "T%H:%M", "T%H:%M:%S"];
        var patterns = new List<string>();
        foreach (var date in dates)
        {
            patterns.Add(date);
            foreach (var time in times)
            {
                patterns.Add(date + time);
                patterns.Add(date + time + "%z");
            }
        }

        return [.. patterns.Select(TemporalFormat.Compile)];
    }
}
