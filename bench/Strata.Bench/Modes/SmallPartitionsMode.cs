using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Strata.Bench.Lake;
using Strata.Land;
using Strata.Storage;
using Strata.Storage.Azurite;
using Strata.Workflow.Contracts;
using Strata.Workflow.Local;

namespace Strata.Bench.Modes;

/// <summary>
/// <c>small-partitions [--days N] [--rows R]</c>: the per-partition overhead. One CSV of N daily
/// partitions (default 1,461: four years) of R rows each (default 4) is landed on Azurite, then
/// loaded, integrated by identity and summed over a 7-day window by an action, one layer per
/// run; each layer prints ms per partition by wall and by this process's CPU, and storage
/// requests per partition. DuckDB (threads=1) then runs the same SQL over all days at once on
/// local files — load to day-partitioned Parquet, the identity copy, the window as a window
/// function — and prints its wall and CPU per layer next to ours.
/// </summary>
internal static class SmallPartitionsMode
{
    private const string Yaml = """
        sources:
          events:
            landing: events/
            format: csv
            partition: { column: happened_at, grain: day, key: event_date }
        datasets:
          daily:
            layer: integrate
            sql: sql/daily.sql
            inputs:
              events: identity
          weekly:
            layer: action
            sql: sql/weekly.sql
            inputs:
              daily: { window: 7 }
        """;

    private const string DailySql = "SELECT * FROM events";

    private const string WeeklySql = "SELECT max(CAST(happened_at AS DATE)) AS last_day, count(*) AS events, sum(amount) AS amount FROM daily";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var days = (int)args.Long("days", 1461);
        var perDay = (int)args.Long("rows", 4);
        var folder = Path.Combine(Path.GetTempPath(), $"strata-bench-small-{Guid.NewGuid():N}");
        var pipelines = Path.Combine(folder, "pipelines");
        Directory.CreateDirectory(Path.Combine(pipelines, "small", "sql"));
        await File.WriteAllTextAsync(Path.Combine(pipelines, "small", "pipeline.yaml"), Yaml);
        await File.WriteAllTextAsync(Path.Combine(pipelines, "small", "sql", "daily.sql"), DailySql);
        await File.WriteAllTextAsync(Path.Combine(pipelines, "small", "sql", "weekly.sql"), WeeklySql);
        var csv = Path.Combine(folder, "events.csv");
        await File.WriteAllTextAsync(csv, Events(days, perDay));
        try
        {
            await using var azurite = await EmbeddedAzurite.StartAsync(Path.Combine(folder, "azurite"), null, CancellationToken.None);
            await using var lake = new BenchLake(azurite.ConnectionString, "small", pipelines);
            await lake.Get<LakeStorage>().EnsureCreatedAsync(CancellationToken.None);
            await lake.Get<LakeStorage>().Container(LakeContainers.Landing).GetBlobClient("events/events.csv").UploadAsync(csv, overwrite: true);
            await lake.Get<Lander>().LandAsync("events/events.csv", CancellationToken.None);

            Console.WriteLine($"small partitions: {days:N0} days x {perDay} rows ({new FileInfo(csv).Length / 1000.0:0.0} KB CSV), Azurite, {Environment.ProcessorCount} cores; DuckDB threads=1 over all days at once");
            Console.WriteLine($"{"layer",-10} {"partitions",10} {"wall s",8} {"ms/part",8} {"cpu ms/part",12} {"req/part",9}   {"DuckDB wall s",13} {"DuckDB cpu s",12}");
            var duck = DuckDbLayers(folder, csv);
            var failed = 0;
            using var stages = new StageTimes();
            var details = new StringBuilder();
            foreach (var (layer, dataset) in new[] { ("load", "events"), ("integrate", "daily"), ("action", "weekly") })
            {
                lake.Counter.Reset();
                stages.Reset();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                var run = (await lake.Get<LocalWorkflowHost>().RunAsync(new RunRequest("small", Datasets: [dataset]), CancellationToken.None))[^1];
                wall.Stop();
                var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                var built = Math.Max(1, run.PartitionsBuilt);
                failed += run.PartitionsFailed;
                foreach (var failure in run.Datasets.SelectMany(d => d.Failures).Take(3))
                {
                    Console.WriteLine($"  failed: {failure}");
                }

                var (duckWall, duckCpu) = duck[layer];
                Console.WriteLine($"{layer,-10} {run.PartitionsBuilt,10:N0} {wall.Elapsed.TotalSeconds,8:0.00} {wall.Elapsed.TotalMilliseconds / built,8:0.0} {cpuMs / built,12:0.0} {lake.Counter.Requests / (double)built,9:0.0}   {duckWall,13:0.000} {duckCpu,12:0.000}");
                Breakdown(details, layer, built, stages, lake.Counter);
            }

            Console.Write(details);

            return failed == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Where a layer's time and requests went: wall ms per partition built by stage (see the core's BuildStages), requests per partition by kind.</summary>
    private static void Breakdown(StringBuilder text, string layer, int built, StageTimes stages, CountingPolicy counter)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"{layer}: stages (wall ms / partition built; stages inside an activity overlap it)");
        foreach (var (stage, seconds, count) in stages.Snapshot())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {stage,-40} {seconds * 1000 / built,8:0.00} ms  x{count}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{layer}: requests / partition built, by kind");
        foreach (var (kind, requests) in counter.ByKind())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {kind,-40} {requests / (double)built,8:0.000}  ({requests})");
        }
    }

    /// <summary>The same three steps in DuckDB on local files, all days at once: (wall s, CPU s) per layer.</summary>
    private static Dictionary<string, (double Wall, double Cpu)> DuckDbLayers(string folder, string csv)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "SET threads = 1");
        Execute(connection, "SET TimeZone = 'UTC'");
        var load = Path.Combine(folder, "duck-load");
        var daily = Path.Combine(folder, "duck-daily");
        var weekly = Path.Combine(folder, "duck-weekly.parquet");
        return new Dictionary<string, (double, double)>(StringComparer.Ordinal)
        {
            ["load"] = Timed(connection, $"COPY (SELECT *, CAST(happened_at AS DATE) AS event_date FROM read_csv('{csv}')) TO '{load}' (FORMAT parquet, PARTITION_BY (event_date))"),
            ["integrate"] = Timed(connection, $"COPY (SELECT * FROM read_parquet('{load}/*/*.parquet', hive_partitioning = true)) TO '{daily}' (FORMAT parquet, PARTITION_BY (event_date))"),
            ["action"] = Timed(connection, $"""
                COPY (
                  WITH days AS (SELECT event_date, count(*) AS n, sum(amount) AS amount FROM read_parquet('{daily}/*/*.parquet', hive_partitioning = true) GROUP BY event_date)
                  SELECT event_date, event_date AS last_day,
                         sum(n) OVER w AS events, sum(amount) OVER w AS amount
                  FROM days WINDOW w AS (ORDER BY event_date RANGE BETWEEN INTERVAL 6 DAYS PRECEDING AND CURRENT ROW)
                ) TO '{weekly}' (FORMAT parquet)
                """),
        };
    }

    private static (double Wall, double Cpu) Timed(DuckDBConnection connection, string sql)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        Execute(connection, sql);
        return (wall.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A few events a day: id, time, amount, category.</summary>
    private static string Events(int days, int perDay)
    {
        var text = new StringBuilder("id,happened_at,amount,category\n");
        var start = new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var d = 0; d < days; d++)
        {
            for (var r = 0; r < perDay; r++)
            {
                var id = d * perDay + r;
                text.Append(CultureInfo.InvariantCulture, $"{id},{start.AddDays(d).AddMinutes(r * 97):yyyy-MM-ddTHH:mm:ss}Z,{id % 1000 / 10.0:0.00},{(char)('a' + id % 5)}\n");
            }
        }

        return text.ToString();
    }
}
