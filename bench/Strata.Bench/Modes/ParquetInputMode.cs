using Strata.Bench.Load;
using Strata.Load;

namespace Strata.Bench.Modes;

/// <summary>
/// <c>parquet-input [--rows N] [--repeat R] [--data DIR]</c>: generates (once, with DuckDB) an
/// events Parquet file of N rows (default 3,000,000; see <see cref="EventsParquetFile"/>), then in
/// this process times our load of it into day partitions against DuckDB's
/// <c>COPY … PARTITION_BY</c> with one thread, R times each, alternating (default 3). Wall and CPU
/// seconds for both; ratios are of the best run of each, then of each side's least and median CPU.
/// Both first load a 100,000-row file twice, so JIT and DuckDB's start-up are not timed. Then
/// peak memory of our load at N/2 and N rows.
/// </summary>
internal static class ParquetInputMode
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rows = args.Long("rows", 3_000_000);
        var repeat = (int)args.Long("repeat", 3);
        var data = args.String("data", Path.Combine(Path.GetTempPath(), "strata-bench"));
        var options = new LoadEngineOptions();

        Console.WriteLine($"generating (once) events Parquet files under {data} ...");
        var input = EventsParquetFile.Ensure(data, rows);
        var warm = EventsParquetFile.Ensure(data, 100_000);
        var ours = Path.Combine(data, "out-ours-parquet");
        var duck = Path.Combine(data, "out-duckdb-parquet");
        for (var i = 0; i < 2; i++)
        {
            await OurLoad.RunAsync(OurLoad.Events, warm, ours, options);
            DuckDbLoad.RunParquet(warm, duck);
        }

        var ourRuns = new List<(double Seconds, double Cpu)>();
        var duckRuns = new List<(double Seconds, double Cpu)>();
        ParseOutcome? outcome = null;
        for (var run = 1; run <= repeat; run++)
        {
            ourRuns.Add(await Measure.TimeAsync(async () => outcome = await OurLoad.RunAsync(OurLoad.Events, input, ours, options)));
            Console.WriteLine($"  run {run}: ours   {ourRuns[^1].Seconds,6:F2} s  (cpu {ourRuns[^1].Cpu:F2} s)");
            duckRuns.Add(await Measure.Time(() => DuckDbLoad.RunParquet(input, duck)));
            Console.WriteLine($"  run {run}: duckdb {duckRuns[^1].Seconds,6:F2} s  (cpu {duckRuns[^1].Cpu:F2} s)");
        }

        var bestOurs = ourRuns.MinBy(r => r.Seconds);
        var bestDuck = duckRuns.MinBy(r => r.Seconds);
        var megabytes = new FileInfo(input).Length / 1e6;
        Console.WriteLine();
        Console.WriteLine($"input        {rows:N0} rows x 6 columns, {megabytes:F1} MB Parquet ({input})");
        Console.WriteLine($"ours         {bestOurs.Seconds,6:F2} s  cpu {bestOurs.Cpu,6:F2} s  ({outcome!.Fragments.Count} partitions, {outcome.RowsLoaded:N0} rows, {outcome.Statistics.RowGroupsWritten} row groups, {(outcome.Statistics.LoadedByColumn ? "column path" : "row path")})");
        Console.WriteLine($"duckdb       {bestDuck.Seconds,6:F2} s  cpu {bestDuck.Cpu,6:F2} s  (threads=1)");
        Console.WriteLine($"ratio        ours/duckdb throughput = {bestDuck.Seconds / bestOurs.Seconds:F2}x by wall time, {bestDuck.Cpu / bestOurs.Cpu:F2}x by cpu time");

        // CPU ranked on its own: on a busy machine the run fastest by the clock is not the one the machine disturbed least.
        var (leastOurs, leastDuck) = (ourRuns.Min(r => r.Cpu), duckRuns.Min(r => r.Cpu));
        var (medianOurs, medianDuck) = (Median(ourRuns.Select(r => r.Cpu)), Median(duckRuns.Select(r => r.Cpu)));
        Console.WriteLine($"cpu          least ours {leastOurs:F2} s, duckdb {leastDuck:F2} s ({leastDuck / leastOurs:F2}x); " +
                          $"median ours {medianOurs:F2} s, duckdb {medianDuck:F2} s ({medianDuck / medianOurs:F2}x)");
        Console.WriteLine();
        await LoadMemoryProbeMode.PrintPeaksAsync("events", [(rows / 2, EventsParquetFile.Ensure(data, rows / 2)), (rows, input)], Path.Combine(data, "out-probe"));
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
