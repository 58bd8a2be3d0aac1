using System.Globalization;
using Strata.Definitions;

namespace Strata.Partitions;

/// <summary>
/// Partition values as text: <c>2026-11-20T13</c> (hour), <c>2026-11-20</c> (day), <c>2026-11</c>
/// (month), all UTC. The formats sort lexicographically in time order, which is what lets a
/// window be one range query.
/// </summary>
public static class PartitionKeys
{
    private const string HourFormat = "yyyy-MM-dd'T'HH";
    private const string DayFormat = "yyyy-MM-dd";
    private const string MonthFormat = "yyyy-MM";

    public static string Format(DateTime utc, Grain grain) => utc.ToString(FormatOf(grain), CultureInfo.InvariantCulture);

    public static bool TryParse(string key, Grain grain, out DateTime utc) =>
        DateTime.TryParseExact(key, FormatOf(grain), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);

    /// <summary>The key <paramref name="periods"/> grain periods after (or before, when negative) <paramref name="key"/>; throws past the calendar's ends.</summary>
    public static string Add(string key, Grain grain, int periods) =>
        TryAdd(key, grain, periods, out var result)
            ? result
            : throw new ArgumentOutOfRangeException(nameof(periods), $"partition key '{key}' shifted by {periods} {grain.ToString().ToLowerInvariant()}(s) falls outside 0001-01-01 to 9999-12-31");

    /// <summary>
    /// The key <paramref name="periods"/> grain periods after (or before) <paramref name="key"/>, or
    /// false when that falls outside the calendar (before 0001-01-01 or after 9999-12-31): keys near
    /// the ends are valid data (a row dated 9999-12-31 is a sentinel many producers use), so every
    /// caller that shifts keys must handle the end rather than fail the plan.
    /// </summary>
    public static bool TryAdd(string key, Grain grain, int periods, out string result)
    {
        if (!TryParse(key, grain, out var at))
        {
            throw new FormatException($"partition key '{key}' is not a {grain.ToString().ToLowerInvariant()} key ({FormatOf(grain)})");
        }

        try
        {
            result = Format(grain switch
            {
                Grain.Hour => at.AddHours(periods),
                Grain.Month => at.AddMonths(periods),
                _ => at.AddDays(periods),
            }, grain);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            result = "";
            return false;
        }
    }

    /// <summary>The keys of a window ending at <paramref name="key"/>: the first and last, inclusive. A window reaching before 0001-01-01 starts there.</summary>
    public static (string From, string To) Window(string key, Grain grain, int size) =>
        (TryAdd(key, grain, -(size - 1), out var from) ? from : Format(DateTime.MinValue, grain), key);

    private static string FormatOf(Grain grain) => grain switch
    {
        Grain.Hour => HourFormat,
        Grain.Month => MonthFormat,
        _ => DayFormat,
    };
}
