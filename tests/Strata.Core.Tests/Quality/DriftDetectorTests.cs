using Strata.Definitions;
using Strata.Quality.Drift;
using Strata.Quality.Profiles;

namespace Strata.Tests.Quality;

/// <summary>The drift rules on crafted profiles: each kind fires on its case, and steady (noisy) history reports nothing.</summary>
public sealed class DriftDetectorTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TwentySteadyNoisyPartitions_ReportNothing()
    {
        var random = new Random(7);
        var profiles = Enumerable.Range(0, 60).Select(day => Day(day, rows: 1000 + random.Next(-80, 80), nulls: random.Next(0, 20), status: ["open", "paid", "shipped"], min: random.Next(0, 5), max: 995 + random.Next(0, 5))).ToList();

        var events = Enumerable.Range(0, profiles.Count).SelectMany(i => DriftDetector.Detect(profiles[i], profiles.Skip(Math.Max(0, i - 14)).Take(Math.Min(i, 14)).ToList(), DriftThresholds.Default)).ToList();

        Assert.Empty(events);
    }

    [Fact]
    public void VolumeDropOfNinetyPercent_IsAnErrorNamingTheMedianAndTheRows()
    {
        var history = Steady(20);

        var found = Assert.Single(DriftDetector.Detect(Day(20, rows: 100), history, DriftThresholds.Default));

        Assert.Equal((DataDriftKind.Volume, (string?)null, DataDriftSeverity.Error), (found.Kind, found.Column, found.Severity));
        Assert.Equal("day=20 volume: expected 1000 rows (median of 20; 333 to 3000), seen 100 rows (-90%) (error)", found.ToString());
    }

    [Fact]
    public void NullRateFromZeroToSixtyPercent_IsReportedOnTheColumn()
    {
        var found = Assert.Single(DriftDetector.Detect(Day(20, nulls: 600), Steady(20), DriftThresholds.Default));

        Assert.Equal((DataDriftKind.NullRate, "amount"), (found.Kind, found.Column));
        Assert.Equal("60% null (600 of 1000 rows)", found.Seen);
        Assert.Equal("at most 0% null", found.Expected);
    }

    [Fact]
    public void NewValueInALowCardinalityColumn_IsReportedOncePerValue()
    {
        var found = Assert.Single(DriftDetector.Detect(Day(20, status: ["open", "paid", "lost"]), Steady(20), DriftThresholds.Default));

        Assert.Equal((DataDriftKind.NewValue, "status"), (found.Kind, found.Column));
        Assert.Equal("one of 'open', 'paid'", found.Expected);
        Assert.StartsWith("'lost' in ", found.Seen, StringComparison.Ordinal);
    }

    [Fact]
    public void ValuesThatNeverRepeat_AreNotACategory_SoANewOneIsNotDrift()
    {
        // A few rows a day with a unique reference each: few distinct values per partition, but an identifier.
        static PartitionProfile Refs(int day) => new("orders", $"day={day}", 3,
            [new ColumnProfile("ref", "VARCHAR", 0, 3) { Values = Enumerable.Range(day * 3, 3).ToDictionary(i => $"r{i}", _ => 1L, StringComparer.Ordinal) }],
            "orders-000001", At);

        Assert.Empty(DriftDetector.Detect(Refs(20), Enumerable.Range(0, 20).Select(Refs).ToList(), DriftThresholds.Default));
    }

    [Fact]
    public void MaxLeavingTheHistoricalRange_IsRangeDrift_ButWithinTheToleranceIsNot()
    {
        var history = Steady(20);

        var outside = Assert.Single(DriftDetector.Detect(Day(20, max: 5000), history, DriftThresholds.Default));
        var within = DriftDetector.Detect(Day(20, max: 1050), history, DriftThresholds.Default);

        Assert.Equal((DataDriftKind.Range, "amount", "0 to 1000", "0 to 5000"), (outside.Kind, outside.Column, outside.Expected, outside.Seen));
        Assert.Empty(within);
    }

    [Fact]
    public void TooLittleHistory_OrDetectionOff_ReportsNothing()
    {
        Assert.Empty(DriftDetector.Detect(Day(4, rows: 1), Steady(4), DriftThresholds.Default));
        Assert.Empty(DriftDetector.Detect(Day(20, rows: 1), Steady(20), DriftThresholds.Default with { Detect = false }));
    }

    private static List<PartitionProfile> Steady(int days) => Enumerable.Range(0, days).Select(d => Day(d)).ToList();

    private static PartitionProfile Day(int day, long rows = 1000, long nulls = 0, string[]? status = null, double min = 0, double max = 1000)
    {
        status ??= ["open", "paid"];
        var values = status.ToDictionary(s => s, _ => rows / status.Length, StringComparer.Ordinal);
        return new PartitionProfile("orders", $"day={day}", rows,
        [
            new ColumnProfile("amount", "DOUBLE", nulls, 900) { MinNumber = min, MaxNumber = max, Min = $"{min}", Max = $"{max}" },
            new ColumnProfile("status", "VARCHAR", 0, status.Length) { Values = values, Min = status.Min(), Max = status.Max() },
        ], "orders-000001", At);
    }
}
