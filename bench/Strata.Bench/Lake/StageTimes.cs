using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Strata.Bench.Lake;

/// <summary>
/// Sums the core's <c>strata.build.stage.duration</c> measurements by <c>strata.stage</c> (fragment
/// reads, downloads, SQL, Delta statistics, uploads, commits, lineage, profiles, and each activity's
/// whole call), so a mode can say where a layer's time went.
/// </summary>
internal sealed class StageTimes : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, (double Seconds, long Count)> _stages = new(StringComparer.Ordinal);

    public StageTimes()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Strata" && instrument.Name == "strata.build.stage.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            var stage = "?";
            foreach (var tag in tags)
            {
                if (tag.Key == "strata.stage")
                {
                    stage = tag.Value?.ToString() ?? "?";
                }
            }

            _stages.AddOrUpdate(stage, (seconds, 1), (_, s) => (s.Seconds + seconds, s.Count + 1));
        });
        _listener.Start();
    }

    /// <summary>Every stage seen since the last reset: total seconds and how many times it ran, longest first.</summary>
    public IReadOnlyList<(string Stage, double Seconds, long Count)> Snapshot() =>
        _stages.Select(s => (s.Key, s.Value.Seconds, s.Value.Count)).OrderByDescending(s => s.Seconds).ToList();

    public void Reset() => _stages.Clear();

    public void Dispose() => _listener.Dispose();
}
