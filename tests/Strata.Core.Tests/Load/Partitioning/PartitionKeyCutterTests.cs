using Strata.Definitions;
using Strata.Load.Partitioning;
using Strata.Load.Schema;

namespace Strata.Tests.Load.Partitioning;

public sealed class PartitionKeyCutterTests
{
    private static readonly long Epoch2026 = (new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks - DateTime.UnixEpoch.Ticks) / 10;

    [Fact]
    public void IndexOf_BucketsSharingACacheSlot_KeepTheirOwnNumbers()
    {
        // Days 0, 256 and 512 apart fall in the same slot of the cutter's cache: each must keep its number.
        var cutter = new PartitionKeyCutter(Grain.Day);
        long[] days = [0, 256, 512, 1, 257];
        var first = days.Select(d => cutter.IndexOf(Epoch2026 + (d * ValueParser.MicrosPerDay))).ToArray();

        var again = days.Reverse().Select(d => cutter.IndexOf(Epoch2026 + (d * ValueParser.MicrosPerDay) + 3_600_000_000L)).Reverse().ToArray();

        Assert.Equal([0, 1, 2, 3, 4], first);
        Assert.Equal(first, again);
        Assert.Equal(["2026-01-01", "2026-09-14", "2027-05-28", "2026-01-02", "2026-09-15"], Enumerable.Range(0, cutter.Count).Select(cutter.Value));
    }

    [Theory]
    [InlineData(Grain.Hour, -1L, "1969-12-31T23")]
    [InlineData(Grain.Day, -1L, "1969-12-31")]
    [InlineData(Grain.Day, -86_400_000_000L, "1969-12-31")]
    [InlineData(Grain.Day, -86_400_000_001L, "1969-12-30")]
    [InlineData(Grain.Day, 0L, "1970-01-01")]
    [InlineData(Grain.Hour, 3_599_999_999L, "1970-01-01T00")]
    public void IndexOf_InstantsBeforeAndAtTheEpoch_AreCutDownwards(Grain grain, long micros, string expected)
    {
        var cutter = new PartitionKeyCutter(grain);

        var index = cutter.IndexOf(micros);

        Assert.Equal(expected, cutter.Value(index));
    }

    [Fact]
    public void IndexOf_NeighbouringInstants_ShareAPartitionOnlyWithinTheGrain()
    {
        var cutter = new PartitionKeyCutter(Grain.Day);

        var lastMicro = cutter.IndexOf(-1);
        var midnight = cutter.IndexOf(0);
        var sameDay = cutter.IndexOf(ValueParser.MicrosPerDay - 1);

        Assert.NotEqual(lastMicro, midnight);
        Assert.Equal(midnight, sameDay);
        Assert.Equal(2, cutter.Count);
    }

    [Fact]
    public void IndexOfFixed_DifferentStringsWithTheSameValue_ShareANumber()
    {
        var cutter = new PartitionKeyCutter(Grain.Day);

        var first = cutter.IndexOfFixed("2026-11-20");
        var other = cutter.IndexOfFixed("__single__");
        var copy = cutter.IndexOfFixed(new string("2026-11-20".AsSpan()));

        Assert.Equal(0, first);
        Assert.Equal(1, other);
        Assert.Equal(first, copy);
    }
}
