using System.Globalization;
using DuckDB.NET.Data;

namespace Strata.Bench.Modes;

/// <summary>
/// <c>upsert [--rows N] [--keys K] [--data DIR]</c>: generates (once, with DuckDB) an assembled
/// upsert partition of N rows (default 4,000,000) over K keys (default 1,000,000; 1 row in 97 a
/// delete), then merges it to the latest row per key — the step an upsert load partition adds —
/// in a fresh process per DuckDB memory limit (1GB, the default; 256MB; 64MB), printing time and
/// peak working set, to show memory follows the limit rather than the partition.
/// </summary>
internal static class UpsertMode
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rows = args.Long("rows", 4_000_000);
        var keys = args.Long("keys", 1_000_000);
        var data = args.String("data", Path.Combine(Path.GetTempPath(), "strata-bench"));
        Directory.CreateDirectory(data);
        var input = Path.Combine(data, $"upsert-{rows}-{keys}.parquet");
        if (!File.Exists(input))
        {
            Console.WriteLine($"generating (once) {input} ...");
            Generate(input, rows, keys);
        }

        Console.WriteLine($"input        {rows:N0} rows over {keys:N0} keys, {new FileInfo(input).Length / 1e6:F1} MB Parquet; DuckDB threads=1");
        foreach (var memory in new[] { "1GB", "256MB", "64MB" })
        {
            var probe = await ChildProbe.RunAsync(UpsertProbeMode.Name, "--input", input, "--memory", memory, "--data", data);
            Console.WriteLine($"  memory_limit {memory,-6} {probe.GetProperty("seconds").GetDouble(),6:F2} s  " +
                              $"{probe.GetProperty("rows").GetInt64(),10:N0} rows kept  " +
                              $"peak working set {probe.GetProperty("peakWorkingSetMb").GetDouble(),6:F0} MB");
        }

        return 0;
    }

    private static void Generate(string path, long rows, long keys)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            COPY (
              SELECT hash(i) % {keys} AS customer_id, i AS version, 'name-' || i AS name,
                     CAST(i % 100000 AS DECIMAL(18, 2)) / 100 AS amount,
                     TIMESTAMPTZ '2026-11-01 00:00:00+00' + to_seconds(i) AS updated_at,
                     CASE WHEN i % 97 = 0 THEN 'D' ELSE 'U' END AS op
              FROM range({rows}) t(i)
            ) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)
            """);
        command.ExecuteNonQuery();
    }
}
