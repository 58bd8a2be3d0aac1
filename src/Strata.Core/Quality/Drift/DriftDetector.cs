using System.Globalization;
using Strata.Definitions;
using Strata.Quality.Profiles;

namespace Strata.Quality.Drift;

/// <summary>
/// Compares one partition's profile with the profiles of the partitions before it (the trailing
/// window, <see cref="DriftThresholds.Window"/>). Pure: the same profiles and thresholds give the
/// same events. Every rule needs <see cref="DriftThresholds.MinHistory"/> partitions of history,
/// and every statistic is robust (median, median absolute deviation, max) so one bad day in the
/// window does not make the next normal day look odd.
/// </summary>
public static class DriftDetector
{
    /// <summary>The scale that makes the median absolute deviation estimate a normal standard deviation.</summary>
    private const double MadScale = 1.4826;

    public static IReadOnlyList<DataDriftEvent> Detect(PartitionProfile profile, IReadOnlyList<PartitionProfile> history, DriftThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(thresholds);
        var events = new List<DataDriftEvent>();
        if (!thresholds.Detect || history.Count < thresholds.MinHistory)
        {
            return events;
        }

        Volume(profile, history, thresholds, events);
        foreach (var column in profile.Columns)
        {
            var seen = history.Select(h => (h.Rows, Column: h.Column(column.Name))).Where(h => h.Column is not null).Select(h => (h.Rows, Column: h.Column!)).ToList();
            if (seen.Count < thresholds.MinHistory)
            {
                continue; // a new column has no history yet
            }

            NullRate(profile, column, seen, thresholds, events);
            NewValues(profile, column, seen.Select(s => s.Column).ToList(), events);
            Range(profile, column, seen.Select(s => s.Column).ToList(), thresholds, events);
        }

        return events;
    }

    private static void Volume(PartitionProfile profile, IReadOnlyList<PartitionProfile> history, DriftThresholds thresholds, List<DataDriftEvent> events)
    {
        var rows = history.Select(h => (double)h.Rows).ToList();
        var median = Median(rows);
        if (median <= 0)
        {
            return;
        }

        var (low, high) = (median / thresholds.VolumeRatio, median * thresholds.VolumeRatio);
        var mad = Median(rows.Select(r => Math.Abs(r - median)).ToList()) * MadScale;
        var z = mad > 0 ? Math.Abs(profile.Rows - median) / mad : double.PositiveInfinity;
        if ((profile.Rows >= low && profile.Rows <= high) || z <= thresholds.VolumeZ)
        {
            return;
        }

        var change = (profile.Rows - median) / median;
        var severity = change <= -0.9 || change >= 9 ? DataDriftSeverity.Error : DataDriftSeverity.Warn;
        events.Add(Event(profile, DataDriftKind.Volume, null,
            F($"{median:0} rows (median of {history.Count}; {low:0} to {high:0})"),
            F($"{profile.Rows} rows ({change:+0%;-0%})"),
            severity));
    }

    private static void NullRate(PartitionProfile profile, ColumnProfile column, List<(long Rows, ColumnProfile Column)> seen, DriftThresholds thresholds, List<DataDriftEvent> events)
    {
        if (profile.Rows == 0)
        {
            return;
        }

        var rate = (double)column.Nulls / profile.Rows;
        var highest = seen.Where(s => s.Rows > 0).Select(s => (double)s.Column.Nulls / s.Rows).DefaultIfEmpty(0).Max();
        if (rate - highest > thresholds.NullRateJump)
        {
            events.Add(Event(profile, DataDriftKind.NullRate, column.Name,
                F($"at most {highest:0.#%} null"),
                F($"{rate:0.#%} null ({column.Nulls} of {profile.Rows} rows)"),
                column.Nulls == profile.Rows ? DataDriftSeverity.Error : DataDriftSeverity.Warn));
        }
    }

    /// <summary>
    /// Only when every partition in the window kept value counts (a column that was ever
    /// high-cardinality is not a category) and its values repeat, on average at least twice in the window.
    /// </summary>
    private static void NewValues(PartitionProfile profile, ColumnProfile column, List<ColumnProfile> seen, List<DataDriftEvent> events)
    {
        if (column.Values is null || seen.Any(s => s.Values is null))
        {
            return;
        }

        var known = seen.SelectMany(s => s.Values!.Keys).ToHashSet(StringComparer.Ordinal);
        if (known.Count * 2 > seen.Sum(s => s.Values!.Values.Sum(c => (double)c)))
        {
            return; // values that rarely repeat in the window (ids, tokens, references) are not a category, however few per partition
        }

        var expected = string.Join(", ", known.Order(StringComparer.Ordinal).Take(10).Select(v => $"'{v}'")) + (known.Count > 10 ? $" and {known.Count - 10} more" : "");
        foreach (var (value, count) in column.Values.Where(v => !known.Contains(v.Key)))
        {
            events.Add(Event(profile, DataDriftKind.NewValue, column.Name, $"one of {expected}", F($"'{Storage.BoundedText.Name(value)}' in {count} rows"), DataDriftSeverity.Warn));
        }
    }

    private static void Range(PartitionProfile profile, ColumnProfile column, List<ColumnProfile> seen, DriftThresholds thresholds, List<DataDriftEvent> events)
    {
        var bounds = seen.Where(s => s.MinNumber is not null && s.MaxNumber is not null).ToList();
        if (column.MinNumber is not { } min || column.MaxNumber is not { } max || bounds.Count == 0)
        {
            return;
        }

        if (Disjoint(bounds))
        {
            return; // a growing key or sequence number: each partition's range is new by design
        }

        var (low, high) = (bounds.Min(b => b.MinNumber!.Value), bounds.Max(b => b.MaxNumber!.Value));
        var span = high - low > 0 ? high - low : Math.Max(Math.Abs(high), 1);
        var tolerance = thresholds.RangeTolerance * span;
        if (min < low - tolerance || max > high + tolerance)
        {
            events.Add(Event(profile, DataDriftKind.Range, column.Name, F($"{low:G6} to {high:G6}"), F($"{min:G6} to {max:G6}"), DataDriftSeverity.Warn));
        }
    }

    /// <summary>True when most consecutive partitions' ranges do not overlap (ids, sequence numbers, counters).</summary>
    private static bool Disjoint(List<ColumnProfile> bounds)
    {
        var pairs = bounds.Zip(bounds.Skip(1)).ToList();
        var apart = pairs.Count(p => p.First.MaxNumber < p.Second.MinNumber || p.First.MinNumber > p.Second.MaxNumber);
        return pairs.Count > 0 && apart * 2 > pairs.Count;
    }

    private static DataDriftEvent Event(PartitionProfile profile, DataDriftKind kind, string? column, string expected, string seen, DataDriftSeverity severity) =>
        new(profile.Dataset, profile.Partition, kind, column, expected, seen, severity) { RunId = profile.RunId, FoundAt = profile.ProfiledAt };

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
