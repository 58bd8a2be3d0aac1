using System.Globalization;
using System.Text.Json;
using Strata.Bench.Load;
using Strata.Load;
using Strata.Quality.Profiles;

namespace Strata.Bench.Modes;

/// <summary>
/// <c>load [--rows N] [--repeat R] [--data DIR]</c>: generates (once, seeded) an orders CSV of N
/// rows (default 2,000,000), then in this process times our load step and DuckDB (threads=1) on
/// the same file, R times each, alternating (default 5). Both the best and the median run are
/// shown; the ratio uses the best of each, which is the least disturbed by other work on a
/// shared machine. Both first load a 100,000-row file twice, so JIT compilation and DuckDB's
/// start-up are not timed. Each repeat also times our load with profiles gathered while writing
/// (<c>Strata:Quality:Profiles</c> on, as the load activity runs it; the first timing has them off)
/// and prints both throughputs and their ratio (issue 10: profiles must cost under 10 %). Finally it runs our load alone in a child process at N/2 and N rows
/// and reports each run's peak memory, to show it does not grow with the file.
/// </summary>
internal static class LoadMode
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rows = args.Long("rows", 2_000_000);
        var repeat = (int)args.Long("repeat", 5);
        var data = args.String("data", Path.Combine(Path.GetTempPath(), "strata-bench"));
        var options = new LoadEngineOptions();

        Console.WriteLine($"generating (once) orders CSVs under {data} ...");
        var input = OrdersFile.Ensure(data, rows);
        var warm = OrdersFile.Ensure(data, 100_000);
        var megabytes = new FileInfo(input).Length / 1e6;
        var ours = Path.Combine(data, "out-ours");
        var duck = Path.Combine(data, "out-duckdb");

        for (var i = 0; i < 2; i++)
        {
            // Twice: tiered JIT promotes hot methods only after they have run a while.
            await OurLoad.RunAsync(warm, ours, options);
            await OurLoad.RunAsync(warm, ours, options, new ProfileOptions());
            DuckDbLoad.Run(warm, duck);
        }

        var ourRuns = new List<(double Seconds, double Cpu)>();
        var duckRuns = new List<(double Seconds, double Cpu)>();
        var profiledRuns = new List<(double Seconds, double Cpu)>();
        ParseOutcome? outcome = null;
        for (var run = 1; run <= repeat; run++)
        {
            // Plain and profiled take turns going first, so neither always runs right after DuckDB.
            foreach (var profiled in run % 2 == 1 ? [false, true] : new[] { true, false })
            {
                var (taken, used) = await Measure.TimeAsync(async () => outcome = await OurLoad.RunAsync(input, ours, options, profiled ? new ProfileOptions() : null));
                (profiled ? profiledRuns : ourRuns).Add((taken, used));
                Console.WriteLine($"  run {run}: ours{(profiled ? ", profiled" : "          ")} {taken,6:F2} s  (cpu {used:F2} s)");
            }

            var (seconds, cpu) = await Measure.Time(() => DuckDbLoad.Run(input, duck));
            duckRuns.Add((seconds, cpu));
            Console.WriteLine($"  run {run}: duckdb           {seconds,6:F2} s  (cpu {cpu:F2} s)");
        }

        var bestOurs = ourRuns.MinBy(r => r.Seconds);
        var bestDuck = duckRuns.MinBy(r => r.Seconds);
        var medianOurs = ourRuns.OrderBy(r => r.Seconds).ElementAt(ourRuns.Count / 2);
        var medianDuck = duckRuns.OrderBy(r => r.Seconds).ElementAt(duckRuns.Count / 2);
        Console.WriteLine();
        Console.WriteLine($"input        {rows:N0} rows x 8 columns, {megabytes:F1} MB ({input})");
        Console.WriteLine($"ours         {bestOurs.Seconds,6:F2} s  {megabytes / bestOurs.Seconds,6:F1} MB/s  cpu {bestOurs.Cpu:F2} s   " +
                          $"({outcome!.Fragments.Count} partitions, {outcome.Statistics.RowGroupsWritten} row groups, token cache {outcome.Statistics.TokenCacheHits:N0} hits / {outcome.Statistics.TokenCacheMisses:N0} HMACs)");
        Console.WriteLine($"duckdb       {bestDuck.Seconds,6:F2} s  {megabytes / bestDuck.Seconds,6:F1} MB/s  cpu {bestDuck.Cpu:F2} s   (threads=1)");
        Console.WriteLine($"median       ours {medianOurs.Seconds:F2} s ({megabytes / medianOurs.Seconds:F1} MB/s), duckdb {medianDuck.Seconds:F2} s ({megabytes / medianDuck.Seconds:F1} MB/s)");
        Console.WriteLine($"ratio        ours/duckdb throughput = {bestDuck.Seconds / bestOurs.Seconds:F2}x (best), {medianDuck.Seconds / medianOurs.Seconds:F2}x (median); " +
                          $"by cpu time {bestDuck.Cpu / bestOurs.Cpu:F2}x (ours runs parsing and row-group writing on two threads)");
        var bestProfiled = profiledRuns.MinBy(r => r.Seconds);
        var medianProfiled = profiledRuns.OrderBy(r => r.Seconds).ElementAt(profiledRuns.Count / 2);
        // CPU compares each side's least CPU time: the run fastest by wall clock is not always the one the machine disturbed least.
        var (leastCpu, leastProfiledCpu) = (ourRuns.Min(r => r.Cpu), profiledRuns.Min(r => r.Cpu));
        Console.WriteLine($"profiles     off {megabytes / bestOurs.Seconds:F1} MB/s, on {megabytes / bestProfiled.Seconds:F1} MB/s: throughput with/without = " +
                          $"{bestOurs.Seconds / bestProfiled.Seconds:F3} (best), {medianOurs.Seconds / medianProfiled.Seconds:F3} (median); " +
                          $"least cpu off {leastCpu:F2} s, on {leastProfiledCpu:F2} s = {leastProfiledCpu / leastCpu:F3}x");

        // On a busy machine the fastest wall-clock run is not the one with the least CPU: rank CPU seconds on their own too.
        var cpuOurs = ourRuns.Select(r => r.Cpu).Order().ToList();
        var cpuDuck = duckRuns.Select(r => r.Cpu).Order().ToList();
        Console.WriteLine($"cpu          ours {cpuOurs[0]:F2} s best, {cpuOurs[cpuOurs.Count / 2]:F2} s median; duckdb {cpuDuck[0]:F2} s best, {cpuDuck[cpuDuck.Count / 2]:F2} s median; " +
                          $"ratio {cpuDuck[0] / cpuOurs[0]:F2}x (best), {cpuDuck[cpuDuck.Count / 2] / cpuOurs[cpuOurs.Count / 2]:F2}x (median)");
        Console.WriteLine();
        await LoadMemoryProbeMode.PrintPeaksAsync("orders", [(rows / 2, OrdersFile.Ensure(data, rows / 2)), (rows, input)], Path.Combine(data, "out-probe"));
        return 0;
    }
}
