using Strata.Load.Schema;
using Strata.Parquet;

namespace Strata.Load.Writing;

/// <summary>
/// The partitions of one sweep, their memory and the background row-group writer.
/// <para>
/// Memory: pass 1 counted each partition's rows, so buffers are sized once, up front, by
/// water-filling: the row budget (<see cref="LoadEngineOptions.MaxBufferedCells"/> ÷ columns,
/// less one spare buffer) is shared so that no partition gets more than it has rows or than
/// <see cref="LoadEngineOptions.RowGroupRows"/>, and the rest is split evenly among the larger
/// ones. Nothing grows or is copied, and cells allocated never exceed the cap. Trade-off: a file
/// spread over many partitions writes row groups of about cap ÷ columns ÷ partitions rows.
/// </para>
/// <para>
/// Writing: when a partition's buffer is full it swaps in the spare buffer and its full one is
/// encoded, compressed, written and hashed on a background task while parsing goes on — one
/// write at a time, so row groups of a partition stay in order and at most one extra buffer
/// exists. Rows spread evenly over partitions would fill every buffer at the same moment and
/// queue behind that one writer, so the first row group of the k-th of n partitions that will
/// need more than one is cut at (k+1)/n of its capacity: fills then arrive one after another,
/// and the writer keeps up. String bytes are held to <see cref="LoadEngineOptions.MaxBufferedStringBytes"/> by
/// writing the partition holding the most text whenever a row takes them over it.
/// </para>
/// </summary>
internal sealed class FragmentWriterSet
{
    private readonly Dictionary<int, PartitionBuffer> _partitions = [];
    private readonly PartitionBuffer?[] _byNumber; // _partitions by partition number less _firstNumber: TryReserve runs once a row
    private readonly int _firstNumber;
    private readonly Dictionary<int, int> _capacity;
    private readonly Dictionary<int, int> _firstLimit = [];
    private readonly int _spareCapacity;
    private readonly SourceSchema _schema;
    private readonly FragmentContext _context;
    private readonly BufferBudget _budget;
    private readonly RowHasher _hasher;
    private RowGroupBuffer? _spare;
    private Task? _writing;

    /// <param name="schema">The fragments' schema.</param>
    /// <param name="context">Shared writing state.</param>
    /// <param name="budget">The parse's budget.</param>
    /// <param name="rowGroupRows">The largest row group.</param>
    /// <param name="rowsPerPartition">Rows pass 1 counted in each partition this sweep writes.</param>
    public FragmentWriterSet(SourceSchema schema, FragmentContext context, BufferBudget budget, int rowGroupRows, IReadOnlyDictionary<int, long> rowsPerPartition)
    {
        _schema = schema;
        _context = context;
        _budget = budget;
        _hasher = new RowHasher([.. schema.Columns.Select(c => c.Name)]);
        var budgetRows = budget.MaxCells / Math.Max(1, schema.Columns.Count);
        var first = WaterFill(rowsPerPartition, rowGroupRows, budgetRows);
        var spare = first.Count == 0 ? 0 : first.Values.Max();
        _capacity = WaterFill(rowsPerPartition, rowGroupRows, Math.Max(rowsPerPartition.Count, budgetRows - spare));
        _spareCapacity = _capacity.Count == 0 ? 0 : _capacity.Values.Max();
        var several = rowsPerPartition.Where(p => p.Value > _capacity[p.Key]).Select(p => p.Key).Order().ToList();
        for (var k = 0; k < several.Count; k++)
        {
            var capacity = _capacity[several[k]];
            _firstLimit[several[k]] = (int)Math.Max(1, (long)capacity * (k + 1) / several.Count);
        }

        // A sweep's partitions are numbered consecutively (see RawBlobParser), so this array is as long as the sweep is wide.
        _firstNumber = rowsPerPartition.Count == 0 ? 0 : rowsPerPartition.Keys.Min();
        _byNumber = new PartitionBuffer?[rowsPerPartition.Count == 0 ? 0 : rowsPerPartition.Keys.Max() - _firstNumber + 1];
    }

    public int RowGroupsWritten => _partitions.Values.Sum(p => p.RowGroupsWritten);

    /// <summary>The buffer of a partition; true when it has room for one more row without writing.</summary>
    public bool TryReserve(int partition, string value, out PartitionBuffer buffer)
    {
        var slot = partition - _firstNumber;
        if ((uint)slot < (uint)_byNumber.Length && _byNumber[slot] is { } known)
        {
            buffer = known;
        }
        else if (!_partitions.TryGetValue(partition, out buffer!))
        {
            buffer = new PartitionBuffer(partition, value, _capacity.GetValueOrDefault(partition, 1), _schema);
            _partitions[partition] = buffer;
            if ((uint)slot < (uint)_byNumber.Length)
            {
                _byNumber[slot] = buffer;
            }
        }

        if (buffer.Current is null)
        {
            buffer.Current = new RowGroupBuffer(_schema, _context.Tokenise, buffer.Capacity, _budget, _context.Chunks);
            if (buffer.RowGroupsWritten == 0 && _firstLimit.TryGetValue(partition, out var limit))
            {
                buffer.Current.Limit = limit;
            }
        }

        return !buffer.Current.IsFull;
    }

    /// <summary>Sends a full buffer to be written and gives the partition an empty one.</summary>
    public Task MakeRoomAsync(PartitionBuffer buffer, CancellationToken cancellationToken) => SwapAndWriteAsync(buffer, cancellationToken);

    /// <summary>After a row: writes the partition holding the most text while strings are over budget.</summary>
    public async ValueTask RelieveStringsAsync(CancellationToken cancellationToken)
    {
        await WaitForWriterAsync();
        while (_budget.StringsOverBudget)
        {
            var victim = _partitions.Values.Where(p => p.Current is not null).MaxBy(p => p.Current!.Arena.AllocatedBytes);
            if (victim is null || victim.Current!.Arena.AllocatedBytes == 0)
            {
                return;
            }

            await SwapAndWriteAsync(victim, cancellationToken);
            await WaitForWriterAsync();
        }
    }

    /// <summary>Writes what remains and closes every fragment.</summary>
    public async Task<List<FragmentInfo>> CompleteAsync(CancellationToken cancellationToken)
    {
        await WaitForWriterAsync();
        var fragments = new List<FragmentInfo>();
        foreach (var partition in _partitions.Values.OrderBy(p => p.Index))
        {
            if (partition.Current is { } rows)
            {
                await partition.WriteRowGroupAsync(rows, _context, _hasher, cancellationToken);
                rows.Release();
                partition.Current = null;
            }

            if (await partition.CloseAsync(cancellationToken) is { } fragment)
            {
                fragments.Add(fragment);
            }
        }

        _spare?.Release();
        _spare = null;
        return fragments;
    }

    /// <summary>Closes every fragment without finishing it (after a failure).</summary>
    public async ValueTask AbandonAsync()
    {
        try
        {
            await WaitForWriterAsync();
        }
        catch (Exception)
        {
            // Already failing: the first error is the one that propagates.
        }

        foreach (var partition in _partitions.Values)
        {
            await partition.AbandonAsync();
        }
    }

    /// <summary>
    /// Row capacity per partition: min(rows, row group, fair share of what the smaller ones leave).
    /// The sum never exceeds <paramref name="budgetRows"/> (at least one row each). Every partition
    /// from the first one capped by the share on gets that same share (the rounding left over stays
    /// unused), so their buffers are interchangeable: a written buffer is the next one's spare
    /// instead of garbage (shares of 3,840 and 3,841 rows never matched: the parquet-input bench
    /// allocated a new buffer at nearly every swap, about 60 MB a run).
    /// </summary>
    internal static Dictionary<int, int> WaterFill(IReadOnlyDictionary<int, long> rows, int rowGroupRows, long budgetRows)
    {
        var result = new Dictionary<int, int>();
        var remaining = budgetRows;
        var left = rows.Count;
        long? evenShare = null;
        foreach (var (partition, count) in rows.OrderBy(p => p.Value))
        {
            var share = evenShare ?? Math.Max(1, remaining / left);
            var capacity = (int)Math.Max(1, Math.Min(Math.Min(count, rowGroupRows), share));
            if (capacity == share)
            {
                evenShare = share;
            }

            result[partition] = capacity;
            remaining -= capacity;
            left--;
        }

        return result;
    }

    private async Task SwapAndWriteAsync(PartitionBuffer partition, CancellationToken cancellationToken)
    {
        // One write at a time: row groups of a partition stay in order, and the buffer it frees is the spare.
        await WaitForWriterAsync();
        var full = partition.Current!;
        if (_spare is { } spare && spare.Capacity == partition.Capacity)
        {
            partition.Current = spare;
            _spare = null;
        }
        else
        {
            _spare?.Release(); // never hold a spare and a new buffer at once: the budget counted one
            _spare = null;
            partition.Current = new RowGroupBuffer(_schema, _context.Tokenise, partition.Capacity, _budget, _context.Chunks);
        }

        _writing = Task.Run(() => WriteInBackgroundAsync(partition, full, cancellationToken), cancellationToken);
    }

    private async Task WriteInBackgroundAsync(PartitionBuffer partition, RowGroupBuffer full, CancellationToken cancellationToken)
    {
        await partition.WriteRowGroupAsync(full, _context, _hasher, cancellationToken);
        if (full.Capacity == _spareCapacity)
        {
            full.Clear();
            _spare = full; // read by the parsing thread only after it has awaited this task
        }
        else
        {
            full.Release();
        }
    }

    private async Task WaitForWriterAsync()
    {
        if (_writing is { } writing)
        {
            _writing = null;
            await writing;
        }
    }
}
