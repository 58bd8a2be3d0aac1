using Strata.Parquet;

namespace Strata.Load.Formats;

/// <summary>
/// For each input column with nulls in the row group just read, the packed value index of each row
/// (-1 for a null): a <see cref="ColumnVector"/> packs its non-null values, so once a column has a
/// null a row's value is no longer at the row's own index. Arrays are reused from row group to row group.
/// </summary>
internal sealed class ValueIndexes(int fields)
{
    private readonly int[]?[] _maps = new int[fields][];

    /// <summary>Maps the rows of every vector that has nulls.</summary>
    public void Map(ColumnVector[] vectors, int rows)
    {
        for (var field = 0; field < vectors.Length; field++)
        {
            var vector = vectors[field];
            if (vector.NullCount == 0)
            {
                continue;
            }

            if (_maps[field] is not { } map || map.Length < rows)
            {
                _maps[field] = map = new int[rows];
            }

            var next = 0;
            for (var row = 0; row < rows; row++)
            {
                map[row] = vector.IsNull(row) ? -1 : next++;
            }
        }
    }

    /// <summary>The map of <paramref name="field"/>; empty when <paramref name="vector"/> (its vector) has no nulls, so row and value index are the same.</summary>
    public ReadOnlySpan<int> Of(int field, ColumnVector vector) => vector.NullCount > 0 ? _maps[field] : default;
}
