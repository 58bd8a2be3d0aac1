using Parquet;
using Parquet.Schema;

namespace Strata.Parquet;

/// <summary>
/// One column of a row group in memory, shaped the way Parquet stores it: the non-null values
/// packed in row order plus a bitmap of the null rows. Writing a row group and reading one back
/// both move the packed values as they are, and the output hash walks rows with one cursor per
/// column, so the writer and <see cref="OutputHasher"/> share a single representation.
/// </summary>
internal abstract class ColumnVector : IDisposable
{
    private ulong[] _nullBits = new ulong[16];

    /// <summary>Rows held, null or not.</summary>
    public int RowCount { get; protected set; }

    /// <summary>Non-null values held (packed).</summary>
    public int ValueCount { get; protected set; }

    public int NullCount => RowCount - ValueCount;

    /// <summary>The CLR type Parquet.Net reads and writes for this column.</summary>
    public abstract Type ValueType { get; }

    public bool IsNull(int row) => (_nullBits[row >> 6] & (1UL << row)) != 0;

    public void AppendNull()
    {
        EnsureRowCapacity();
        _nullBits[RowCount >> 6] |= 1UL << RowCount;
        RowCount++;
    }

    /// <summary>Adds <paramref name="count"/> null rows (a column missing from a fragment).</summary>
    public void AppendNulls(int count)
    {
        for (var i = 0; i < count; i++)
        {
            AppendNull();
        }
    }

    /// <summary>Makes room for <paramref name="rows"/> values without growing on append.</summary>
    public abstract void EnsureCapacity(int rows);

    /// <summary>Empties the vector and keeps its buffers for the next row group.</summary>
    public virtual void Clear()
    {
        Array.Clear(_nullBits, 0, Math.Min(_nullBits.Length, (RowCount >> 6) + 1));
        RowCount = 0;
        ValueCount = 0;
    }

    /// <summary>Writes the held rows as the next column of <paramref name="writer"/>.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter writer, DataField field, CancellationToken cancellationToken);

    /// <summary>Replaces the content with column <paramref name="field"/> of a row group.</summary>
    public abstract ValueTask ReadAsync(ParquetRowGroupReader reader, DataField field, int rows, CancellationToken cancellationToken);

    /// <summary>Value number <paramref name="valueIndex"/>, boxed (for the slow paths: Parquet input, conversions).</summary>
    public abstract object Box(int valueIndex);

    /// <summary>Appends the canonical form of value number <paramref name="valueIndex"/> (tag and bytes) for the output hash.</summary>
    public abstract void WriteCanonical(int valueIndex, CanonicalRow row);

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
    }

    /// <summary>Counts a row whose value the subclass has just stored.</summary>
    protected void MarkValueRow()
    {
        EnsureRowCapacity();
        RowCount++;
    }

    /// <summary>Rebuilds the null bitmap from Parquet definition levels (0 = null).</summary>
    protected void SetRowsFromDefinitionLevels(ReadOnlySpan<int> definitionLevels, int maxDefinitionLevel)
    {
        Clear();
        var needed = (definitionLevels.Length >> 6) + 1;
        if (_nullBits.Length < needed)
        {
            _nullBits = new ulong[needed];
        }

        var values = 0;
        for (var row = 0; row < definitionLevels.Length; row++)
        {
            if (definitionLevels[row] == maxDefinitionLevel)
            {
                values++;
            }
            else
            {
                _nullBits[row >> 6] |= 1UL << row;
            }
        }

        RowCount = definitionLevels.Length;
        ValueCount = values;
    }

    protected void SetRowsWithoutNulls(int rows)
    {
        Clear();
        var needed = (rows >> 6) + 1;
        if (_nullBits.Length < needed)
        {
            _nullBits = new ulong[needed];
        }

        RowCount = rows;
        ValueCount = rows;
    }

    /// <summary>Definition levels for writing: 1 for a value, 0 for a null.</summary>
    protected int[] BuildDefinitionLevels()
    {
        if (NullCount == 0)
        {
            return DefinitionLevels.Ones(RowCount);
        }

        var levels = new int[RowCount];
        for (var row = 0; row < RowCount; row++)
        {
            levels[row] = IsNull(row) ? 0 : 1;
        }

        return levels;
    }

    private void EnsureRowCapacity()
    {
        if ((RowCount >> 6) >= _nullBits.Length)
        {
            Array.Resize(ref _nullBits, _nullBits.Length * 2);
        }
    }
}
