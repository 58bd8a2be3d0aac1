using Strata.Definitions;
using Strata.Load.Partitioning;
using Strata.Load.Writing;
using Strata.Parquet;

namespace Strata.Load.Formats;

/// <summary>
/// The column path of a Parquet input: when the source asks nothing of a file's values but their
/// own types (no hint types, formats, required or strict columns, tokenising), no row can be
/// quarantined, so the rows need not become text to be checked. Pass 1 then reads the partition
/// column alone to count rows per partition, and pass 2 moves typed values straight from the
/// column chunks into the partition buffers (<see cref="ColumnMover"/>). The fragments are the
/// ones the row path writes, row for row and row group for row group. A null partition value (a
/// row to quarantine) sends the file back to the row path.
/// </summary>
internal sealed partial class ParquetRecordSource
{
    private ColumnMover?[]? _movers;
    private RowsByPartition? _split;
    private ValueIndexes? _valueIndexes;

    /// <summary>True when <paramref name="plan"/> (before pass 1) lets this file skip the row path.</summary>
    public bool CanLoadByColumn(LoadPlan plan)
    {
        if (plan.MissingRequired.Length > 0 || plan.UndeclaredRules.Length > 0 || plan.InferredRules.Length > 0)
        {
            return false;
        }

        foreach (var rule in plan.FixedRules)
        {
            var field = FieldIndexOf(rule.Source);
            if (rule.Hint?.Type is not null || rule.Format is not null || rule.Required || rule.Pii is not null
                || ColumnMover.For(_fields[field].ClrType, rule.Fixed!.Value.Type, rule.Fixed.Value.Scale) is null)
            {
                return false;
            }
        }

        return plan.FixedPartition is not null
            || (plan.PartitionSource >= 0 && plan.Rules[plan.PartitionSource].Fixed?.Type is ColumnType.Date or ColumnType.Timestamp);
    }

    /// <summary>Pass 1 of the column path: counts rows per partition; null when a row has no partition value (the row path must run).</summary>
    public async ValueTask<long?> CountPartitionsAsync(LoadPlan plan, PartitionKeyCutter cutter, CancellationToken cancellationToken)
    {
        long rows = 0;
        var partitionField = plan.FixedPartition is null ? FieldIndexOf(plan.PartitionSource) : -1;
        var fixedIndex = plan.FixedPartition is null ? -1 : cutter.IndexOfFixed(plan.FixedPartition);
        _split ??= new RowsByPartition();
        for (var group = 0; group < _reader.RowGroupCount; group++)
        {
            var count = await ReadRowGroupAsync(group, partitionField, cancellationToken);
            var partitionColumn = partitionField < 0 ? null : _vectors[partitionField];
            if (partitionColumn?.NullCount > 0)
            {
                return null;
            }

            _split.Cut(partitionColumn, fixedIndex, count, cutter);
            foreach (var partition in _split.PartitionOfRow)
            {
                cutter.CountRow(partition);
            }

            rows += count;
        }

        return rows;
    }

    /// <summary>
    /// Pass 2 (one sweep) of the column path: moves the rows of this sweep's partitions into their
    /// buffers a column at a time (<see cref="RowsByPartition"/>). The rows that fit in their
    /// partition's buffer go first, in file order; a buffer that fills is then written and its
    /// partition's remaining rows go on in the next one, so row groups are cut where the row path
    /// cuts them. The string budget is checked after each of these moves rather than after each row,
    /// so it can be passed by at most one input row group's text before text is written out.
    /// </summary>
    public async Task<long> WriteByColumnAsync(LoadPlan plan, PartitionKeyCutter cutter, FragmentWriterSet writers, BufferBudget budget, int sweep, int maxOpen, CancellationToken cancellationToken)
    {
        var outputs = plan.Outputs;
        var from = outputs.Select(o => o.Source < 0 ? -1 : FieldIndexOf(o.Source)).ToArray();
        _movers ??= [.. outputs.Select((o, i) => from[i] < 0 ? null : ColumnMover.For(_fields[from[i]].ClrType, o.Type, o.Scale))];
        _split ??= new RowsByPartition();
        _valueIndexes ??= new ValueIndexes(_vectors.Length);
        var partitionField = plan.FixedPartition is null ? FieldIndexOf(plan.PartitionSource) : -1;
        var fixedIndex = plan.FixedPartition is null ? -1 : cutter.IndexOfFixed(plan.FixedPartition);
        var targets = new PartitionTargets(from.Length, cutter.Count);
        long rows = 0;
        for (var group = 0; group < _reader.RowGroupCount; group++)
        {
            var count = await ReadRowGroupAsync(group, -1, cancellationToken);
            var partitionColumn = partitionField < 0 ? null : _vectors[partitionField];
            if (partitionColumn?.NullCount > 0)
            {
                throw new InvalidOperationException($"row group {group} now has rows without a value in partition column '{plan.PartitionColumn}'");
            }

            _split.Cut(partitionColumn, fixedIndex, count, cutter);
            _split.Count(cutter.Count);
            _valueIndexes.Map(_vectors, count);
            for (var partition = 0; partition < cutter.Count; partition++)
            {
                targets.Room[partition] = -1;
                if (partition / maxOpen == sweep && _split.Counts(cutter.Count)[partition] > 0)
                {
                    if (!writers.TryReserve(partition, cutter.Value(partition), out var buffer))
                    {
                        await writers.MakeRoomAsync(buffer, cancellationToken);
                    }

                    targets.Set(partition, buffer.Current!);
                }
            }

            _split.Split(targets.Room);
            MoveRows(_split.Fitting, from, targets);
            await MoveOverflowAsync(cutter, writers, budget, targets, from, cancellationToken);
            targets.Clear(); // a buffer written and released since must not be kept alive until the partition's next rows
            rows += count;
        }

        return rows;
    }

    /// <summary>The rows that did not fit: each partition's, after writing its full buffer, as many as the next buffer holds at a time.</summary>
    private async Task MoveOverflowAsync(PartitionKeyCutter cutter, FragmentWriterSet writers, BufferBudget budget, PartitionTargets targets, int[] from, CancellationToken cancellationToken)
    {
        if (budget.StringsOverBudget)
        {
            await writers.RelieveStringsAsync(cancellationToken);
        }

        for (var partition = 0; partition < cutter.Count; partition++)
        {
            var (start, left) = _split!.OverflowOf(partition);
            while (left > 0)
            {
                if (!writers.TryReserve(partition, cutter.Value(partition), out var buffer))
                {
                    await writers.MakeRoomAsync(buffer, cancellationToken);
                }

                var current = buffer.Current!;
                targets.Set(partition, current);
                var piece = Math.Min(left, current.Limit - current.Rows);
                MoveRows(_split.Overflow.AsSpan(start, piece), from, targets);
                start += piece;
                left -= piece;
                if (budget.StringsOverBudget)
                {
                    await writers.RelieveStringsAsync(cancellationToken);
                }
            }
        }
    }

    /// <summary>Moves <paramref name="rows"/> (each fits in its partition's buffer) into the buffers of <paramref name="targets"/>.</summary>
    private void MoveRows(ReadOnlySpan<int> rows, int[] from, PartitionTargets targets)
    {
        var partitionOfRow = _split!.PartitionOfRow;
        for (var o = 0; o < from.Length; o++)
        {
            var field = from[o];
            if (field < 0)
            {
                foreach (var row in rows)
                {
                    targets.Columns[o][partitionOfRow[row]].AppendNull();
                }

                continue;
            }

            var source = _vectors[field];
            _movers![o]!.MoveRows(source, rows, _valueIndexes!.Of(field, source), partitionOfRow, targets.Columns[o], targets.Arenas);
        }

        targets.CountRows(rows, partitionOfRow);
    }

    /// <summary>Reads row group <paramref name="group"/>: one field (pass 1's partition column) or, with -1, every field.</summary>
    private async ValueTask<int> ReadRowGroupAsync(int group, int onlyField, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = _reader.OpenRowGroupReader(group);
            var rows = checked((int)reader.RowCount);
            for (var i = 0; i < _fields.Length; i++)
            {
                if (onlyField < 0 || i == onlyField)
                {
                    await _vectors[i].ReadAsync(reader, _fields[i], rows, cancellationToken);
                }
            }

            return rows;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new FileFormatException($"row group {group + 1} cannot be read: {e.Message}", e);
        }
    }

    private int FieldIndexOf(int column) => Array.IndexOf(_columnOf, column);
}
