using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Strata.Telemetry;

namespace Strata.Tests.TestSupport;

/// <summary>
/// Every measurement of the Strata meter while it lives, from a real <see cref="MeterListener"/>.
/// The listener is process-wide and other tests run at the same time: filter by names only your test uses.
/// </summary>
public sealed class StrataMeasurements : IDisposable
{
    private readonly ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)> _all = [];
    private readonly MeterListener _listener = new();

    public StrataMeasurements()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StrataTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Keep(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Keep(i, value, tags));
        _listener.Start();
    }

    /// <summary>The measurements of <paramref name="instrument"/> carrying every one of <paramref name="tags"/>.</summary>
    public IEnumerable<(double Value, Dictionary<string, object?> Tags)> Of(string instrument, params (string Key, string Value)[] tags) =>
        _all.Where(m => m.Instrument == instrument && tags.All(t => Is(m.Tags, t.Key, t.Value))).Select(m => (m.Value, m.Tags));

    /// <summary>The sum of the measurements <see cref="Of"/> selects.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) => Of(instrument, tags).Sum(m => m.Value);

    public static bool Is(Dictionary<string, object?> tags, string key, string value) => tags.TryGetValue(key, out var v) && Equals(v, value);

    public void Dispose() => _listener.Dispose();

    private void Keep<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct => _all.Add((instrument.Name, Convert.ToDouble(value, CultureInfo.InvariantCulture), new Dictionary<string, object?>(tags.ToArray())));
}
