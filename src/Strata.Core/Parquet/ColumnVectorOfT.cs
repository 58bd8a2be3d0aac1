using Parquet;
using Parquet.Schema;

namespace Strata.Parquet;

/// <summary>A <see cref="ColumnVector"/> of one Parquet.Net value type (long, decimal, DateTime, ReadOnlyMemory&lt;char&gt;...).</summary>
internal sealed class ColumnVector<T> : ColumnVector
    where T : struct
{
    private T[] _values;
    private int[] _levels = [];

    public ColumnVector(int capacity = 1024)
    {
        _values = new T[Math.Max(16, capacity)];
    }

    public override Type ValueType => typeof(T);

    /// <summary>The packed non-null values.</summary>
    public ReadOnlySpan<T> Values => _values.AsSpan(0, ValueCount);

    public T this[int valueIndex] => _values[valueIndex];

    public void Append(T value)
    {
        if (ValueCount == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }

        _values[ValueCount++] = value;
        MarkValueRow();
    }

    /// <summary>Replaces value number <paramref name="valueIndex"/> (a placeholder appended earlier).</summary>
    public void Set(int valueIndex, T value) => _values[valueIndex] = value;

    public override void EnsureCapacity(int rows)
    {
        if (_values.Length < rows)
        {
            Array.Resize(ref _values, rows);
        }
    }

    public override void Clear()
    {
        if (System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            // Drop references (string chunks) so a cleared buffer does not keep them alive.
            Array.Clear(_values, 0, ValueCount);
        }

        base.Clear();
    }

    public override Task WriteAsync(ParquetRowGroupWriter writer, DataField field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(field);
        ReadOnlyMemory<int>? levels = field.IsNullable ? BuildDefinitionLevels().AsMemory(0, RowCount) : null;
        if (!field.IsNullable && NullCount > 0)
        {
            throw new InvalidOperationException($"column '{field.Name}' is required but holds {NullCount} null(s)");
        }

        return writer.WriteAllPartsAsync<T>(field, _values.AsMemory(0, ValueCount), levels, null, cancellationToken);
    }

    public override async ValueTask ReadAsync(ParquetRowGroupReader reader, DataField field, int rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(field);
        Clear();
        if (_values.Length < rows)
        {
            _values = new T[rows];
        }

        if (field.IsNullable)
        {
            if (_levels.Length < rows)
            {
                _levels = new int[rows];
            }

            await reader.ReadRawAsync<T>(field, _values.AsMemory(0, rows), _levels.AsMemory(0, rows), null, cancellationToken);
            SetRowsFromDefinitionLevels(_levels.AsSpan(0, rows), field.MaxDefinitionLevel);
        }
        else
        {
            await reader.ReadRawAsync<T>(field, _values.AsMemory(0, rows), null, null, cancellationToken);
            SetRowsWithoutNulls(rows);
        }
    }

    public override object Box(int valueIndex) => _values[valueIndex];

    public override void WriteCanonical(int valueIndex, CanonicalRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.WriteValue(_values[valueIndex]);
    }
}
