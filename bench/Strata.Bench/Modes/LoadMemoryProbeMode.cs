using System.Diagnostics;
using System.Text.Json;
using Strata.Bench.Load;
using Strata.Load;

namespace Strata.Bench.Modes;

/// <summary>
/// Runs our load step once in a fresh process and prints one JSON line: peak working set (the OS
/// figure: everything the process holds, including garbage the GC has not collected yet), peak
/// managed heap (sampled every 10 ms, garbage included), peak live heap (sampled every 100 ms
/// after a forced full collection: what the load actually holds; this run is slower), and the
/// engine's own peak of buffered cells. A process per run keeps each peak independent.
/// </summary>
internal static class LoadMemoryProbeMode
{
    public const string Name = "load-memory-probe";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var input = args.String("input", "");
        var output = args.String("output", Path.Combine(Path.GetTempPath(), "strata-bench", "out-probe"));
        long peakManaged = 0;
        long peakLive = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            for (var tick = 0; !stop.IsCancellationRequested; tick++)
            {
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(forceFullCollection: false));
                if (tick % 10 == 0)
                {
                    peakLive = Math.Max(peakLive, GC.GetTotalMemory(forceFullCollection: true));
                }

                await Task.Delay(10, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();
        var source = args.String("source", "orders") == "events" ? OurLoad.Events : OurLoad.Orders;
        var outcome = await OurLoad.RunAsync(source, input, output, new LoadEngineOptions());
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            rows = outcome.RowsLoaded,
            seconds,
            peakWorkingSetMb = process.PeakWorkingSet64 / 1e6,
            peakManagedMb = peakManaged / 1e6,
            peakLiveMb = peakLive / 1e6,
            peakBufferedCells = outcome.Statistics.PeakBufferedCells,
        }));
        return 0;
    }

    /// <summary>Runs this probe in a child process per input and prints each run's peaks, one line per input.</summary>
    public static async Task PrintPeaksAsync(string source, IEnumerable<(long Rows, string File)> inputs, string output)
    {
        Console.WriteLine("peak memory of our load step (one child process per size; live = sampled after forced full GCs):");
        foreach (var (rows, file) in inputs)
        {
            var probe = await ChildProbe.RunAsync(Name, "--input", file, "--output", output, "--source", source);
            Console.WriteLine($"  {rows,12:N0} rows  {new FileInfo(file).Length / 1e6,7:F1} MB  " +
                              $"peak working set {probe.GetProperty("peakWorkingSetMb").GetDouble(),6:F0} MB  " +
                              $"peak managed heap {probe.GetProperty("peakManagedMb").GetDouble(),6:F0} MB  " +
                              $"peak live heap {probe.GetProperty("peakLiveMb").GetDouble(),6:F0} MB  " +
                              $"buffered cells {probe.GetProperty("peakBufferedCells").GetInt64():N0}");
        }
    }
}
