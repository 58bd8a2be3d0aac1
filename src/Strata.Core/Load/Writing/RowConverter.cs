using System.Runtime.CompilerServices;
using System.Text;
using Strata.Definitions;
using Strata.Load.Formats;
using Strata.Load.Schema;
using Strata.Parquet;

namespace Strata.Load.Writing;

/// <summary>
/// The per-row rules of both passes, in one place so both make the same decisions. A row is
/// quarantined when the reader flagged it, when a declared (or Parquet-typed) value does not parse,
/// when a required value is empty, when a strict source gets a value in an undeclared column, or
/// when its partition column is empty or not a timestamp. Pass 1 (<see cref="CheckAndInfer"/>)
/// then feeds the values of good rows to inference; pass 2 (<see cref="Convert"/>) converts every
/// output column and <see cref="Append"/> adds the row to its partition. Inferred columns cannot
/// fail in pass 2: their type was chosen to hold every value of a good row. The one decision only
/// pass 2 can make is a declared decimal's fit once its scale is known.
/// </summary>
internal sealed partial class RowConverter
{
    private readonly LoadPlan _plan;
    private Cell[] _cells = [];
    private Cell _scratch;
    private int _partitionOutput = -1;

    /// <summary>Set by the last <see cref="TryPartition"/>: its value would be classified as a timestamp (see <see cref="CheckAndInfer"/>).</summary>
    private bool _partitionClassifiesAsTimestamp;

    public RowConverter(LoadPlan plan)
    {
        _plan = plan;
    }

    /// <summary>Pass 1: checks the row; on success adds its values to inference.</summary>
    public bool CheckAndInfer(RecordBuffer record, out RowFailure failure, out long partitionMicros)
    {
        _plan.Refresh();
        partitionMicros = 0;
        if (!CheckCommon(record, out failure))
        {
            return false;
        }

        foreach (var rule in _plan.FixedRules)
        {
            if (!TryConvert(record, rule.Source, rule.Name, rule.Fixed!.Value.Type, -1, rule.Format, rule.Required, ref _scratch, out failure, rule))
            {
                PreferPartitionReason(record, rule.Source, ref failure);
                return false;
            }
        }

        foreach (var rule in _plan.RequiredInferredRules)
        {
            if (record.IsNull(rule.Source) || record.Value(rule.Source).IsEmpty)
            {
                failure = new RowFailure($"required column '{rule.Name}' is empty", rule.Name);
                return false;
            }
        }

        if (!TryPartition(record, -1, infer: true, out partitionMicros, out failure))
        {
            return false;
        }

        var order = _plan.DateOrder;
        var partitionSource = _partitionClassifiesAsTimestamp ? _plan.PartitionSource : -1;
        foreach (var rule in _plan.InferredRules)
        {
            if (rule.Inference.IsString)
            {
                continue; // nothing can widen a string column: skip classifying its values
            }

            var i = rule.Source;
            if (i == partitionSource && !rule.Inference.IsSniffing)
            {
                // TryPartition has just parsed this value and found what classifying it would: the same parse again cost ~3% of a load.
                rule.Inference.Add(new ValueClass(ValueKind.Timestamp));
            }
            else if (record.IsNested(i))
            {
                rule.Inference.AddNested();
            }
            else
            {
                rule.Inference.Add(record.Value(i), order);
            }
        }

        return true;
    }

    /// <summary>Pass 2: converts every output column of the row into cells.</summary>
    public bool Convert(RecordBuffer record, out RowFailure failure, out long partitionMicros)
    {
        var outputs = _plan.Outputs;
        if (_cells.Length != outputs.Length)
        {
            _cells = new Cell[outputs.Length];
            _partitionOutput = Array.FindIndex(outputs, o => o.Source == _plan.PartitionSource && o.Source >= 0 && o.Tokenise is null && o.Type is ColumnType.Timestamp or ColumnType.Date);
        }

        partitionMicros = 0;
        if (!CheckCommon(record, out failure))
        {
            return false;
        }

        for (var o = 0; o < outputs.Length; o++)
        {
            var column = outputs[o];
            ref var cell = ref _cells[o];
            if (column.Tokenise is not null)
            {
                if (!TryConvert(record, column.Source, column.Name, column.Validate ?? ColumnType.String, -1, column.Format, column.Required, ref cell, out failure, null))
                {
                    return false;
                }

                continue;
            }

            if (!TryConvert(record, column.Source, column.Name, column.Type, column.Scale, column.Format, column.Required, ref cell, out failure, null))
            {
                if (PreferPartitionReason(record, column.Source, ref failure))
                {
                    // the more precise reason, and the one pass 1 excluded the row for
                }
                else if (column.Inferred && !column.Required)
                {
                    throw new InvalidOperationException($"row at line {record.Line} passed pass 1 but column '{column.Name}' does not convert to its inferred {column.Type}: {failure.Reason}");
                }

                return false;
            }
        }

        return TryPartition(record, _partitionOutput, infer: false, out partitionMicros, out failure);
    }

    /// <summary>Appends the converted row (after <see cref="Convert"/> succeeded) to a partition buffer with room for it.</summary>
    public void Append(RecordBuffer record, RowGroupBuffer buffer)
    {
        var outputs = _plan.Outputs;
        var columns = buffer.Columns;
        for (var o = 0; o < outputs.Length; o++)
        {
            var column = outputs[o];
            ref var cell = ref _cells[o];
            var vector = columns[o];
            if (cell.IsNull)
            {
                vector.AppendNull();
                continue;
            }

            if (column.Tokenise is not null)
            {
                // The token is written by the row-group writer; keep the raw value until then.
                buffer.Tokens[o]!.Add(vector.ValueCount, record.Value(column.Source));
                Unsafe.As<ColumnVector<ReadOnlyMemory<char>>>(vector).Append(default);
                continue;
            }

            switch (column.Type)
            {
                case ColumnType.String:
                    Unsafe.As<ColumnVector<ReadOnlyMemory<char>>>(vector).Append(buffer.Arena.Append(record.Value(column.Source)));
                    break;
                case ColumnType.Int64:
                    Unsafe.As<ColumnVector<long>>(vector).Append(cell.Long);
                    break;
                case ColumnType.Decimal:
                    Unsafe.As<ColumnVector<decimal>>(vector).Append(cell.Decimal);
                    break;
                case ColumnType.Double:
                    Unsafe.As<ColumnVector<double>>(vector).Append(cell.Double);
                    break;
                case ColumnType.Timestamp:
                    Unsafe.As<ColumnVector<DateTime>>(vector).Append(ValueParser.ToDateTime(cell.Long));
                    break;
                case ColumnType.Date:
                    Unsafe.As<ColumnVector<DateOnly>>(vector).Append(ValueParser.ToDateOnly((int)cell.Long));
                    break;
                default:
                    Unsafe.As<ColumnVector<bool>>(vector).Append(cell.Long != 0);
                    break;
            }
        }

        buffer.CountRow();
    }

    /// <summary>When the partition column's value failed to parse, says so in the partition's words; true when it did.</summary>
    private bool PreferPartitionReason(RecordBuffer record, int source, ref RowFailure failure)
    {
        if (source < 0 || source != _plan.PartitionSource || record.IsNull(source) || record.Value(source).IsEmpty
            || TryPartition(record, -1, infer: false, out _, out var partitionFailure))
        {
            return false;
        }

        failure = partitionFailure;
        return true;
    }

    private bool CheckCommon(RecordBuffer record, out RowFailure failure)
    {
        if (record.Error is { } error)
        {
            failure = new RowFailure(error);
            return false;
        }

        if (_plan.MissingRequired.Length > 0)
        {
            var name = _plan.MissingRequired[0];
            failure = new RowFailure($"required column '{name}' is missing from the file", name);
            return false;
        }

        foreach (var rule in _plan.UndeclaredRules)
        {
            if (!record.IsNull(rule.Source) && !record.Value(rule.Source).IsEmpty)
            {
                failure = new RowFailure($"column '{rule.Name}' is not declared in the schema (drift: strict)", rule.Name, Text(record.Value(rule.Source)));
                return false;
            }
        }

        failure = default;
        return true;
    }
}
