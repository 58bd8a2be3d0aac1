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
        for (var group = 0; group < _reader.RowGroupCount; group++)
        {
            var count = await ReadRowGroupAsync(group, partitionField, cancellationToken);
            if (plan.FixedPartition is not null)
            {
                var fixedIndex = cutter.IndexOfFixed(plan.FixedPartition);
                for (var row = 0; row < count; row++)
                {
                    cutter.CountRow(fixedIndex);
                }
            }
            else
            {
                var vector = _vectors[partitionField];
                if (vector.NullCount > 0)
                {
                    return null;
                }

                for (var row = 0; row < count; row++)
                {
                    ColumnMover.TryMicros(vector, row, out var micros);
                    cutter.CountRow(cutter.IndexOf(micros));
                }
            }

            rows += count;
        }

        return rows;
    }

    /// <summary>Pass 2 (one sweep) of the column path: moves the rows of this sweep's partitions into their buffers.</summary>
    public async Task<long> WriteByColumnAsync(LoadPlan plan, PartitionKeyCutter cutter, FragmentWriterSet writers, BufferBudget budget, int sweep, int maxOpen, CancellationToken cancellationToken)
    {
        var outputs = plan.Outputs;
        var from = outputs.Select(o => o.Source < 0 ? -1 : FieldIndexOf(o.Source)).ToArray();
        _movers ??= [.. outputs.Select((o, i) => from[i] < 0 ? null : ColumnMover.For(_fields[from[i]].ClrType, o.Type, o.Scale))];
        var partitionField = plan.FixedPartition is null ? FieldIndexOf(plan.PartitionSource) : -1;
        var fixedIndex = plan.FixedPartition is null ? -1 : cutter.IndexOfFixed(plan.FixedPartition);
        long rows = 0;
        for (var group = 0; group < _reader.RowGroupCount; group++)
        {
            var count = await ReadRowGroupAsync(group, -1, cancellationToken);
            if (partitionField >= 0 && _vectors[partitionField].NullCount > 0)
            {
                throw new InvalidOperationException($"row group {group} now has rows without a value in partition column '{plan.PartitionColumn}'");
            }

            Array.Clear(_cursors);
            for (var row = 0; row < count; row++)
            {
                var partition = fixedIndex;
                if (partitionField >= 0)
                {
                    ColumnMover.TryMicros(_vectors[partitionField], row, out var micros);
                    partition = cutter.IndexOf(micros);
                }

                if (partition / maxOpen != sweep)
                {
                    SkipRow(row);
                    continue;
                }

                if (!writers.TryReserve(partition, cutter.Value(partition), out var buffer))
                {
                    await writers.MakeRoomAsync(buffer, cancellationToken);
                }

                MoveRow(row, from, buffer.Current!);
                if (budget.StringsOverBudget)
                {
                    await writers.RelieveStringsAsync(cancellationToken);
                }
            }

            rows += count;
        }

        return rows;
    }

    private void MoveRow(int row, int[] from, RowGroupBuffer buffer)
    {
        var movers = _movers!;
        var columns = buffer.Columns;
        for (var o = 0; o < from.Length; o++)
        {
            var field = from[o];
            if (field < 0 || _vectors[field].IsNull(row))
            {
                columns[o].AppendNull();
                continue;
            }

            movers[o]!.Move(_vectors[field], _cursors[field], columns[o], buffer.Arena);
        }

        buffer.CountRow();
        SkipRow(row);
    }

    /// <summary>Moves every column's value cursor past <paramref name="row"/>.</summary>
    private void SkipRow(int row)
    {
        for (var i = 0; i < _vectors.Length; i++)
        {
            if (!_vectors[i].IsNull(row))
            {
                _cursors[i]++;
            }
        }
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
