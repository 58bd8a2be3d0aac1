using Strata.Load.Partitioning;
using Strata.Load.Schema;
using Strata.Parquet;

namespace Strata.Load.Formats;

/// <summary>
/// The rows of one input row group sorted out by partition, for the column path. <see cref="Cut"/>
/// finds each row's partition; <see cref="Split"/> then lists, in file order, the rows that fit in
/// their partition's buffer (<see cref="Fitting"/>: almost all of them), and groups the rest by
/// partition, in file order within one (a stable counting sort: <see cref="Overflow"/>, <see cref="OverflowOf"/>).
/// The fitting rows are moved a column at a time in file order, so the input column is read
/// sequentially (reading it partition by partition would jump around a row group's text and miss
/// the cache on nearly every string); the overflow goes on after the full buffers are written.
/// Arrays are reused from row group to row group: memory is a few ints per row of one input row
/// group whatever the file's size.
/// </summary>
internal sealed class RowsByPartition
{
    private static readonly long EpochMicros = DateTime.UnixEpoch.Ticks / 10;
    private int[] _partitionOfRow = [];
    private int[] _fitting = [];
    private int[] _overflow = [];
    private int[] _count = [];
    private int[] _start = [];
    private int[] _fill = [];
    private int[] _next = [];
    private int _fittingCount;
    private int _rows;

    /// <summary>The partition of each row of the last <see cref="Cut"/>.</summary>
    public ReadOnlySpan<int> PartitionOfRow => _partitionOfRow.AsSpan(0, _rows);

    /// <summary>Rows of the last <see cref="Cut"/> per partition, after <see cref="Count"/>.</summary>
    public ReadOnlySpan<int> Counts(int partitionCount) => _count.AsSpan(0, partitionCount);

    /// <summary>The rows that fit in their partition's buffer, in file order (after <see cref="Split"/>).</summary>
    public ReadOnlySpan<int> Fitting => _fitting.AsSpan(0, _fittingCount);

    /// <summary>The rows that did not fit, a run per partition (see <see cref="OverflowOf"/>).</summary>
    public int[] Overflow => _overflow;

    /// <summary>
    /// Sets the partition of each of <paramref name="rows"/> rows: <paramref name="fixedIndex"/> when
    /// it is not negative, else the partition of the row's instant in <paramref name="column"/> (a
    /// date or timestamp column without nulls).
    /// </summary>
    public void Cut(ColumnVector? column, int fixedIndex, int rows, PartitionKeyCutter cutter)
    {
        if (_partitionOfRow.Length < rows)
        {
            _partitionOfRow = new int[rows];
            _fitting = new int[rows];
            _overflow = new int[rows];
        }

        _rows = rows;
        var partitions = _partitionOfRow.AsSpan(0, rows);
        switch (column)
        {
            case null:
                partitions.Fill(fixedIndex);
                break;
            case ColumnVector<DateTime> t:
                var times = t.Values;
                for (var row = 0; row < rows; row++)
                {
                    partitions[row] = cutter.IndexOf((times[row].Ticks / 10) - EpochMicros);
                }

                break;
            case ColumnVector<DateTimeOffset> o:
                var offsets = o.Values;
                for (var row = 0; row < rows; row++)
                {
                    partitions[row] = cutter.IndexOf((offsets[row].UtcTicks / 10) - EpochMicros);
                }

                break;
            case ColumnVector<DateOnly> d:
                var dates = d.Values;
                for (var row = 0; row < rows; row++)
                {
                    partitions[row] = cutter.IndexOf((dates[row].DayNumber - ValueParser.EpochDayNumber) * ValueParser.MicrosPerDay);
                }

                break;
            default:
                throw new InvalidOperationException($"a {column.ValueType.Name} column cannot partition the column path");
        }
    }

    /// <summary>Counts the rows of each partition in the last <see cref="Cut"/>.</summary>
    public void Count(int partitionCount)
    {
        if (_count.Length < partitionCount)
        {
            _count = new int[partitionCount];
            _start = new int[partitionCount];
            _fill = new int[partitionCount];
            _next = new int[partitionCount];
        }

        Array.Clear(_count, 0, partitionCount);
        foreach (var partition in PartitionOfRow)
        {
            _count[partition]++;
        }
    }

    /// <summary>
    /// After <see cref="Count"/>: the first <paramref name="room"/>[p] rows of partition p fit, the
    /// rest overflow; a partition with negative room is left out entirely (not in this sweep).
    /// </summary>
    public void Split(ReadOnlySpan<int> room)
    {
        var partitions = PartitionOfRow;
        var left = _fill.AsSpan(0, room.Length);
        var next = _next.AsSpan(0, room.Length);
        var start = 0;
        for (var p = 0; p < room.Length; p++)
        {
            _start[p] = start;
            next[p] = start;
            left[p] = room[p];
            start += room[p] < 0 ? 0 : Math.Max(0, _count[p] - room[p]);
        }

        _fittingCount = 0;
        for (var row = 0; row < partitions.Length; row++)
        {
            var partition = partitions[row];
            var fits = left[partition];
            if (fits > 0)
            {
                _fitting[_fittingCount++] = row;
                left[partition] = fits - 1;
            }
            else if (fits == 0)
            {
                _overflow[next[partition]++] = row;
            }
        }
    }

    /// <summary>Where the overflow rows of <paramref name="partition"/> are in <see cref="Overflow"/> after <see cref="Split"/>.</summary>
    public (int Start, int Count) OverflowOf(int partition) => (_start[partition], _next[partition] - _start[partition]);
}
