using Strata.Bench.Modes;

namespace Strata.Bench;

/// <summary>The benchmark's modes, by name. A mode is one class in <c>Modes/</c>; add new ones here.</summary>
internal static class BenchModes
{
    private static readonly Dictionary<string, (string Help, Func<BenchArgs, Task<int>> Run)> s_modes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["load"] = ("parse + partition + tokenise + write Parquet, ours vs DuckDB (threads=1), and peak memory at two sizes", LoadMode.RunAsync),
        ["parquet-input"] = ("a 3,000,000-row Parquet file into day partitions, ours vs DuckDB COPY ... PARTITION_BY (threads=1), wall and cpu, and peak memory at two sizes", ParquetInputMode.RunAsync),
        ["e2e"] = ("land + load of the same CSV end to end through Azurite", EndToEndMode.RunAsync),
        ["plan"] = ("no-op plan, plan after k changes and one-partition rebuild at 10 / 10,000 / 100,000 partitions, on Azurite", PlanMode.RunAsync),
        ["small-partitions"] = ("1,461 daily partitions of a few rows through load, identity integrate and a 7-day window action: ms per partition per layer vs DuckDB", SmallPartitionsMode.RunAsync),
        ["ui"] = ("the dataset page over 100,000 imported partitions in headless Chromium: first render and scrolled renders", UiMode.RunAsync),
        ["upsert"] = ("an upsert partition merged to the latest row per key, time and peak memory per DuckDB memory limit", UpsertMode.RunAsync),
        [UpsertProbeMode.Name] = ("(internal) one upsert merge in this process, printing its peak memory as JSON", UpsertProbeMode.RunAsync),
        [LoadMemoryProbeMode.Name] = ("(internal) one load in this process, printing its peak memory as JSON", LoadMemoryProbeMode.RunAsync),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !s_modes.TryGetValue(args[0], out var mode))
        {
            Console.Error.WriteLine("usage: Strata.Bench <mode> [options]");
            foreach (var (name, (help, _)) in s_modes)
            {
                Console.Error.WriteLine($"  {name,-18} {help}");
            }

            return 2;
        }

        return await mode.Run(new BenchArgs(args[1..]));
    }
}
