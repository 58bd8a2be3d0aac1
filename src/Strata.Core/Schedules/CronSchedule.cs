using Cronos;

namespace Strata.Schedules;

/// <summary>
/// A pipeline's cadence: <c>schedule:</c> in <c>pipeline.yaml</c>, a five-field cron expression
/// (minute hour day-of-month month day-of-week) or a macro (<c>@hourly</c>, <c>@daily</c>,
/// <c>@weekly</c>, <c>@monthly</c>, <c>@yearly</c>), always evaluated in UTC. Each time it names is a
/// slot; <see cref="ScheduleSweep"/> starts one run when a slot is due.
/// </summary>
public sealed class CronSchedule
{
    private readonly CronExpression _cron;

    private CronSchedule(string text, CronExpression cron)
    {
        Text = text;
        _cron = cron;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>Parses an expression; the problem says what is wrong and what to write instead.</summary>
    public static bool TryParse(string text, out CronSchedule? schedule, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        schedule = null;
        problem = null;
        CronExpression cron;
        try
        {
            cron = CronExpression.Parse(text.Trim(), CronFormat.Standard);
        }
        catch (Exception e) when (e is CronFormatException or MissingSeedException)
        {
            problem = $"'{text}' is not a cron expression ({e.Message.TrimEnd('.')}); write five fields, minute hour day-of-month month day-of-week, in UTC: \"*/15 * * * *\", \"0 2 * * *\", or @hourly, @daily, @weekly, @monthly";
            return false;
        }

        if (cron.GetNextOccurrence(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)) is null)
        {
            problem = $"'{text}' names no time that exists (a day a month does not have?), so the pipeline would never run on it";
            return false;
        }

        schedule = new CronSchedule(text.Trim(), cron);
        return true;
    }

    /// <summary>The first slot after <paramref name="time"/>, or null if there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset time) => _cron.GetNextOccurrence(time, TimeZoneInfo.Utc, inclusive: false);

    /// <summary>The last slot at or before <paramref name="time"/>, or null if there is none.</summary>
    public DateTimeOffset? LastAtOrBefore(DateTimeOffset time) => _cron.GetPreviousOccurrence(time, TimeZoneInfo.Utc, inclusive: true);

    /// <summary>How many slots lie in [<paramref name="from"/>, <paramref name="to"/>], counting at most <paramref name="cap"/>.</summary>
    public int CountBetween(DateTimeOffset from, DateTimeOffset to, int cap) =>
        _cron.GetOccurrences(from, to, TimeZoneInfo.Utc, fromInclusive: true, toInclusive: true).Take(cap).Count();

    public override string ToString() => Text;
}
