using System.Globalization;
using Strata.Definitions;
using Strata.Load.Schema;

namespace Strata.Load.Partitioning;

/// <summary>
/// Cuts UTC instants into partition values at a grain — <c>2026-11-20T13</c> (hour),
/// <c>2026-11-20</c> (day), <c>2026-11</c> (month) — and numbers the partitions of one file in the
/// order they are first met. The same cutter serves both passes over a file, so a partition keeps
/// its number (which decides its sweep when there are many).
/// </summary>
internal sealed class PartitionKeyCutter
{
    private readonly Grain _grain;
    private readonly Dictionary<long, int> _indexByBucket = [];
    private readonly List<string> _values = [];
    private readonly List<long> _rows = [];
    private long _lastBucket = long.MinValue;
    private int _lastIndex = -1;

    public PartitionKeyCutter(Grain grain)
    {
        _grain = grain;
    }

    /// <summary>Partitions met so far.</summary>
    public int Count => _values.Count;

    /// <summary>Rows counted for a partition with <see cref="CountRow"/> (pass 1).</summary>
    public long RowsIn(int index) => _rows[index];

    public void CountRow(int index) => _rows[index]++;

    /// <summary>The partition value of partition number <paramref name="index"/>.</summary>
    public string Value(int index) => _values[index];

    /// <summary>The partition number of an instant (UTC microseconds since the epoch).</summary>
    public int IndexOf(long micros)
    {
        var bucket = Bucket(micros);
        if (bucket == _lastBucket)
        {
            return _lastIndex; // rows usually arrive in time order
        }

        if (!_indexByBucket.TryGetValue(bucket, out var index))
        {
            index = _values.Count;
            _values.Add(Format(_grain, micros));
            _rows.Add(0);
            _indexByBucket[bucket] = index;
        }

        _lastBucket = bucket;
        _lastIndex = index;
        return index;
    }

    /// <summary>The number of a fixed partition value (ingest date, unpartitioned).</summary>
    public int IndexOfFixed(string value)
    {
        var index = _values.IndexOf(value);
        if (index < 0)
        {
            _values.Add(value);
            _rows.Add(0);
            index = _values.Count - 1;
        }

        return index;
    }

    /// <summary>The partition value of an instant at a grain.</summary>
    public static string Format(Grain grain, long micros)
    {
        var time = ValueParser.ToDateTime(micros);
        return grain switch
        {
            Grain.Hour => time.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture),
            Grain.Month => time.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    private long Bucket(long micros)
    {
        var hour = Math.DivRem(micros, 3_600_000_000L, out var rest);
        if (rest < 0)
        {
            hour--;
        }

        return _grain switch
        {
            Grain.Hour => hour,
            Grain.Day => hour >= 0 ? hour / 24 : ((hour + 1) / 24) - 1,
            _ => MonthBucket(micros),
        };
    }

    private static long MonthBucket(long micros)
    {
        var time = ValueParser.ToDateTime(micros);
        return (time.Year * 12L) + time.Month - 1;
    }
}
