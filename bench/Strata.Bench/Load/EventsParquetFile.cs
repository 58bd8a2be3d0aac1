using DuckDB.NET.Data;

namespace Strata.Bench.Load;

/// <summary>
/// A deterministic events Parquet file, written once by DuckDB: 6 columns — event_id (int64),
/// entered_at (timestamp, spread over 182 days in hashed order, so every row group touches every
/// day), customer_id (int32), amount (double), status (5 values) and email (string, null on every
/// 11th row). DuckDB's default row groups (122,880 rows) and Snappy, as a producer would send.
/// </summary>
internal static class EventsParquetFile
{
    public const int Days = 182;

    /// <summary>The file for <paramref name="rows"/> rows in <paramref name="folder"/>, generated once.</summary>
    public static string Ensure(string folder, long rows)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"events-{rows}.parquet");
        if (File.Exists(path))
        {
            return path;
        }

        var temp = path + ".tmp";
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                "SET TimeZone = 'UTC'; " +
                "COPY (SELECT i AS event_id, " +
                $"  TIMESTAMP '2026-06-01' + to_milliseconds(CAST(hash(i) % {Days * 86_400_000L} AS BIGINT)) AS entered_at, " +
                "  CAST(hash(i * 7) % 100000 AS INTEGER) AS customer_id, " +
                "  CAST(hash(i * 13) % 1000000 AS DOUBLE) / 100 AS amount, " +
                "  ['new', 'paid', 'shipped', 'cancelled', 'refunded'][CAST(hash(i * 17) % 5 AS INTEGER) + 1] AS status, " +
                "  CASE WHEN i % 11 = 0 THEN NULL ELSE 'user' || CAST(hash(i * 7) % 100000 AS VARCHAR) || '@example.com' END AS email " +
                $"  FROM range({rows}) t(i)) TO '{temp.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }

        File.Move(temp, path, overwrite: true);
        return path;
    }
}
