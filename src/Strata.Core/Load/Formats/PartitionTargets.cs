using Strata.Load.Writing;
using Strata.Parquet;

namespace Strata.Load.Formats;

/// <summary>
/// For the column path's moves: each partition's current buffer, spread out as one array of
/// vectors per output column and one of arenas, so moving a value to its row's partition is two
/// array loads. <see cref="Room"/> is the rows each buffer still holds (-1: the partition takes no
/// rows of this row group).
/// </summary>
internal sealed class PartitionTargets
{
    private readonly RowGroupBuffer?[] _buffers;
    private readonly int[] _moved;

    public PartitionTargets(int columns, int partitions)
    {
        Columns = [.. Enumerable.Range(0, columns).Select(_ => new ColumnVector[partitions])];
        Arenas = new CharArena[partitions];
        Room = new int[partitions];
        _buffers = new RowGroupBuffer?[partitions];
        _moved = new int[partitions];
    }

    /// <summary>Per output column, per partition, the vector its values go to.</summary>
    public ColumnVector[][] Columns { get; }

    /// <summary>Per partition, where its text goes.</summary>
    public CharArena[] Arenas { get; }

    public int[] Room { get; }

    /// <summary>Makes <paramref name="buffer"/> the target of <paramref name="partition"/>.</summary>
    public void Set(int partition, RowGroupBuffer buffer)
    {
        for (var o = 0; o < Columns.Length; o++)
        {
            Columns[o][partition] = buffer.Columns[o];
        }

        Arenas[partition] = buffer.Arena;
        Room[partition] = buffer.Limit - buffer.Rows;
        _buffers[partition] = buffer;
    }

    /// <summary>Drops every reference to a buffer.</summary>
    public void Clear()
    {
        foreach (var column in Columns)
        {
            Array.Clear(column);
        }

        Array.Clear(Arenas);
        Array.Clear(_buffers);
    }

    /// <summary>Counts <paramref name="rows"/>, whose values every column has just received, in their buffers.</summary>
    public void CountRows(ReadOnlySpan<int> rows, ReadOnlySpan<int> partitionOfRow)
    {
        foreach (var row in rows)
        {
            _moved[partitionOfRow[row]]++;
        }

        for (var p = 0; p < _moved.Length; p++)
        {
            if (_moved[p] > 0)
            {
                _buffers[p]!.CountRows(_moved[p]);
                _moved[p] = 0;
            }
        }
    }
}
