using DuckDB.NET.Data;

namespace Strata.Bench.Load;

/// <summary>
/// The reference: DuckDB on one thread reading the same input (CSV with its own sampled type
/// detection, or Parquet) and writing Parquet partitioned by day. It does not tokenise, hash, or
/// check every value's type.
/// </summary>
internal static class DuckDbLoad
{
    /// <summary>The orders CSV, partitioned by the day of entered_at.</summary>
    public static void Run(string input, string output) =>
        Copy($"read_csv('{Quote(input)}')", "entry_date", output);

    /// <summary>The events Parquet file, partitioned by the day of entered_at.</summary>
    public static void RunParquet(string input, string output) =>
        Copy($"read_parquet('{Quote(input)}')", "event_date", output);

    private static void Copy(string from, string key, string output)
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
            $"COPY (SELECT *, CAST(entered_at AS DATE) AS {key} FROM {from}) " +
            $"TO '{Quote(output)}' (FORMAT parquet, PARTITION_BY ({key}))";
        command.ExecuteNonQuery();
    }

    private static string Quote(string path) => path.Replace("'", "''", StringComparison.Ordinal);
}
