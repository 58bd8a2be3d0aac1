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
        var outcome = await OurLoad.RunAsync(input, output, new LoadEngineOptions());
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
}
