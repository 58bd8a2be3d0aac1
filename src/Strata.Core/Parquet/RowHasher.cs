namespace Strata.Parquet;

/// <summary>
/// Hashes the rows of a row group held as <see cref="ColumnVector"/>s: each row's non-null cells in
/// column-name order (ordinal), each cell as name header + <see cref="CanonicalRow"/> value.
/// Null cells are skipped, so adding an all-null column leaves every row hash unchanged.
/// </summary>
internal sealed class RowHasher
{
    private readonly int[] _order;
    private readonly byte[][] _nameHeaders;
    private readonly int[] _cursors;
    private readonly CanonicalRow _row = new();

    /// <param name="columnNames">The names of the vectors that will be passed to <see cref="AddRows"/>, in that order.</param>
    public RowHasher(IReadOnlyList<string> columnNames)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        _order = [.. Enumerable.Range(0, columnNames.Count).OrderBy(i => columnNames[i], StringComparer.Ordinal)];
        _nameHeaders = [.. columnNames.Select(CanonicalRow.NameHeader)];
        _cursors = new int[columnNames.Count];
    }

    /// <summary>Adds every row held by <paramref name="columns"/> (all of equal row count) to <paramref name="hash"/>.</summary>
    public void AddRows(IReadOnlyList<ColumnVector> columns, ref RowSetHash hash)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count != _order.Length)
        {
            throw new ArgumentException($"expected {_order.Length} columns, got {columns.Count}", nameof(columns));
        }

        var rows = columns.Count == 0 ? 0 : columns[0].RowCount;
        Array.Clear(_cursors);
        for (var r = 0; r < rows; r++)
        {
            _row.Reset();
            foreach (var c in _order)
            {
                var column = columns[c];
                if (column.IsNull(r))
                {
                    continue;
                }

                _row.WriteRaw(_nameHeaders[c]);
                column.WriteCanonical(_cursors[c]++, _row);
            }

            hash.AddRow(_row.Bytes);
        }
    }
}
