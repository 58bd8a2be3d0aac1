using Parquet;

namespace Strata.Parquet;

/// <summary>
/// The output hash of a Parquet file: a deterministic, order-independent hash of its rows — the
/// sum mod 2^128 of each row's XxHash128 (see <see cref="RowHasher"/> and <see cref="CanonicalRow"/>
/// for the canonical row), combined with the row count, as 32 lowercase hex digits. Row order,
/// row-group boundaries, physical types (INT32 or INT64, decimal on INT64 or on 16 bytes, TIMESTAMP
/// or TIMESTAMP_TZ, millis or micros) and writer metadata do not change it; an added all-null
/// column does not either. The fragment writer computes the same value while writing. Reads one
/// row group at a time. Nested columns (lists, maps, structs) are not supported.
/// </summary>
public static class OutputHasher
{
    /// <summary>Hashes the rows of a Parquet file (readable, seekable stream; left open).</summary>
    public static async Task<string> HashParquetAsync(Stream parquet, CancellationToken cancellationToken)
    {
        var (hash, _) = await HashAsync(parquet, cancellationToken);
        return hash.ToHex();
    }

    /// <summary>The row-set hash and the number of rows.</summary>
    internal static async Task<(RowSetHash Hash, long Rows)> HashAsync(Stream parquet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parquet);
        var start = parquet.Position;
        var options = ParquetColumns.ReaderOptions();
        var reader = await ParquetReader.CreateAsync(parquet, options, leaveStreamOpen: true, cancellationToken);
        if (ParquetColumns.NeedsBigDecimals(reader.Schema))
        {
            // System.Decimal holds 28 digits; DECIMAL(38) columns are read as BigDecimal instead.
            await reader.DisposeAsync();
            parquet.Position = start;
            reader = await ParquetReader.CreateAsync(parquet, ParquetColumns.ReaderOptions(bigDecimals: true), leaveStreamOpen: true, cancellationToken);
        }

        await using (reader)
        {
            var fields = ParquetColumns.FlatFields(reader.Schema, "output hash");
            var vectors = fields.Select(f => ParquetColumns.CreateVector(f, 1024)).ToArray();
            var hasher = new RowHasher([.. fields.Select(f => f.Name)]);
            var hash = default(RowSetHash);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var rows = checked((int)group.RowCount);
                for (var i = 0; i < fields.Length; i++)
                {
                    await vectors[i].ReadAsync(group, fields[i], rows, cancellationToken);
                }

                hasher.AddRows(vectors, ref hash);
            }

            foreach (var vector in vectors)
            {
                vector.Dispose();
            }

            return (hash, hash.Count);
        }
    }
}
