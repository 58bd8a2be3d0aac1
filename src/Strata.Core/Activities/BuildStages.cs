using System.Diagnostics;
using System.Diagnostics.Metrics;
using Strata.Telemetry;

namespace Strata.Activities;

/// <summary>
/// Where a partition build's time goes: each stage of the batched builds (fragment index reads,
/// downloads, SQL, Delta statistics, pending rows, uploads, commits, lineage, profiles) records
/// its wall time on the histogram <c>strata.build.stage.duration</c> with attribute
/// <c>strata.stage</c>. Stages that run for many partitions at once (an upload of the batch)
/// record once per batch, so per-partition figures are sums divided by partitions built (what
/// <c>bench -- small-partitions</c> prints). A histogram nobody listens to costs a flag check.
/// </summary>
internal static class BuildStages
{
    private static readonly Histogram<double> Duration = StrataTelemetry.Meter.CreateHistogram<double>(
        "strata.build.stage.duration", "s", "Wall time of one stage of a partition build or of a batch of them");

    /// <summary>Starts timing <paramref name="stage"/>; disposing the result records it.</summary>
    public static Timing Time(string stage) => new(stage, Duration.Enabled ? Stopwatch.GetTimestamp() : 0);

    /// <summary>Times <paramref name="work"/> as <paramref name="stage"/>.</summary>
    public static async Task<T> TimeAsync<T>(string stage, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var timing = Time(stage);
        return await work();
    }

    /// <summary>Times <paramref name="work"/> as <paramref name="stage"/>.</summary>
    public static async Task TimeAsync(string stage, Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var timing = Time(stage);
        await work();
    }

    /// <summary>One stage being timed (a measurement, not logic: the stopwatch, not the injected clock).</summary>
    public readonly struct Timing(string stage, long started) : IDisposable
    {
        public void Dispose()
        {
            if (started != 0)
            {
                Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("strata.stage", stage));
            }
        }
    }
}
