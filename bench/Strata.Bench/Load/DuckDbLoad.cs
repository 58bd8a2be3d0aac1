using DuckDB.NET.Data;

namespace Strata.Bench.Load;

/// <summary>
/// The reference: DuckDB on one thread reading the same CSV (its own sampled type detection) and
/// writing Parquet partitioned by day. It does not tokenise, hash, or check every value's type.
/// </summary>
internal static class DuckDbLoad
{
    public static void Run(string input, string output)
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SET threads = 1; SET TimeZone = 'UTC';";
        command.ExecuteNonQuery();
        command.CommandText =
            $"COPY (SELECT *, CAST(entered_at AS DATE) AS entry_date FROM read_csv('{input.Replace("'", "''", StringComparison.Ordinal)}')) " +
            $"TO '{output.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet, PARTITION_BY (entry_date))";
        command.ExecuteNonQuery();
    }
}
