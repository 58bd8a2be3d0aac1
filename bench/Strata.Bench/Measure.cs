using System.Diagnostics;

namespace Strata.Bench;

/// <summary>Wall and CPU seconds of one step in this process (after a full collection, so earlier garbage is not charged to it).</summary>
internal static class Measure
{
    /// <summary>
    /// CPU is <see cref="Process.TotalProcessorTime"/> before and after: every thread of the
    /// process, ours and DuckDB's native ones alike, so both sides are counted the same way.
    /// </summary>
    public static async Task<(double Seconds, double Cpu)> TimeAsync(Func<Task> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await action();
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (seconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    public static Task<(double Seconds, double Cpu)> Time(Action action) => TimeAsync(() =>
    {
        action();
        return Task.CompletedTask;
    });
}
