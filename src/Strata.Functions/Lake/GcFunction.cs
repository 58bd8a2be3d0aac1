using Microsoft.Azure.Functions.Worker;
using Strata.Lake.Gc;

namespace Strata.Functions.Lake;

/// <summary>
/// The Functions app's scheduled <c>gc</c>: the same single pass as <c>strata gc</c>
/// (<see cref="GarbageCollector.CollectAsync"/>), once a day at 03:30 UTC. A pass deletes only
/// blobs nothing references and that are older than <c>Strata__Lake__GcGraceAge</c>, so it is safe
/// beside running builds and safe to overlap with a second firing (scale-out, a retried
/// invocation): deletes are conditional on each blob's ETag, and a crash midway loses nothing.
/// Daily because superseded files are already removed by each run's publish; gc only sweeps what
/// crashed builds, lost races and expired retention leave behind.
/// </summary>
public sealed class GcFunction(GarbageCollector collector)
{
    /// <summary>NCRONTAB (with seconds) of the timer: 03:30:00 UTC every day.</summary>
    public const string Daily = "0 30 3 * * *";

    [Function("Gc")]
    public async Task RunAsync([TimerTrigger(Daily)] TimerInfo timer, CancellationToken ct) =>
        await collector.CollectAsync(dryRun: false, ct); // the collector logs what it found and deleted
}
