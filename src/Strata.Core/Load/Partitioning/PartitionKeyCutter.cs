using System.Globalization;
using Strata.Definitions;
using Strata.Load.Schema;

namespace Strata.Load.Partitioning;

/// <summary>
/// Cuts UTC instants into partition values at a grain — <c>2026-11-20T13</c> (hour),
/// <c>2026-11-20</c> (day), <c>2026-11</c> (month) — and numbers the partitions of one file in the
/// order they are first met. The same cutter serves both passes over a file, so a partition keeps
/// its number (which decides its sweep when there are many).
/// <para>
/// Every row of both passes asks for its partition, and rows seldom arrive in time order, so the
/// numbers of recent buckets sit in a small direct-mapped cache (slot = bucket mod
/// <see cref="CacheSlots"/>): a file of up to that many consecutive days, hours or months never
/// reaches the dictionary after a bucket's first row.
/// </para>
/// </summary>
internal sealed class PartitionKeyCutter
{
    private const int CacheSlots = 256;
    private const long MicrosPerHour = 3_600_000_000L;
    private readonly Grain _grain;
    private readonly Dictionary<long, int> _indexByBucket = [];
    private readonly List<string> _values = [];
    private readonly List<long> _rows = [];
    private readonly long[] _cachedBucket = new long[CacheSlots];
    private readonly int[] _cachedIndex = new int[CacheSlots];
    private string? _lastFixed;
    private int _lastFixedIndex = -1;

    public PartitionKeyCutter(Grain grain)
    {
        _grain = grain;
        Array.Fill(_cachedBucket, long.MinValue); // no bucket: an instant's bucket is never long.MinValue
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
        var slot = (int)(bucket & (CacheSlots - 1));
        if (_cachedBucket[slot] == bucket)
        {
            return _cachedIndex[slot];
        }

        if (!_indexByBucket.TryGetValue(bucket, out var index))
        {
            index = _values.Count;
            _values.Add(Format(_grain, micros));
            _rows.Add(0);
            _indexByBucket[bucket] = index;
        }

        _cachedBucket[slot] = bucket;
        _cachedIndex[slot] = index;
        return index;
    }

    /// <summary>The number of a fixed partition value (ingest date, unpartitioned).</summary>
    public int IndexOfFixed(string value)
    {
        if (ReferenceEquals(value, _lastFixed))
        {
            return _lastFixedIndex; // every row of the file asks with the plan's one string
        }

        var index = _values.IndexOf(value);
        if (index < 0)
        {
            _values.Add(value);
            _rows.Add(0);
            index = _values.Count - 1;
        }

        _lastFixed = value;
        _lastFixedIndex = index;
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
        return _grain switch
        {
            Grain.Hour => FloorDivide(micros, MicrosPerHour),
            Grain.Day => FloorDivide(micros, ValueParser.MicrosPerDay), // floor(floor(m / hour) / 24) = floor(m / day)
            _ => MonthBucket(micros),
        };
    }

    private static long FloorDivide(long value, long divisor)
    {
        var quotient = value / divisor;
        return quotient * divisor > value ? quotient - 1 : quotient;
    }

    private static long MonthBucket(long micros)
    {
        var time = ValueParser.ToDateTime(micros);
        return (time.Year * 12L) + time.Month - 1;
    }
}
