using System.Globalization;
using System.Text;
using Strata.Definitions;
using Strata.Load;
using Strata.Load.Writing;

namespace Strata.Tests.Load.Writing;

/// <summary>Buffers stay within the cap whatever the number of partitions; every row still lands once.</summary>
public sealed class MemoryBoundTests
{
    private static string HourlyFile(int rows, int hours)
    {
        var text = new StringBuilder("id,entered_at,note\n");
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < rows; i++)
        {
            // Interleaved so every partition stays open until the end of the file.
            var at = start.AddHours(i % hours).AddSeconds(i / hours);
            text.Append(i).Append(',').Append(at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(",note ").Append(i % 97).Append('\n');
        }

        return text.ToString();
    }

    [Fact]
    public async Task ManyPartitions_NeverBufferMoreThanTheCap()
    {
        using var harness = new LoadHarness();
        var options = new LoadEngineOptions { MaxBufferedCells = 30_000, RowGroupRows = 4_096 };

        var outcome = await harness.ParseTextAsync(LoadHarness.Source("entered_at", Grain.Hour), "a.csv", HourlyFile(60_000, 500), options);

        Assert.Equal(60_000, outcome.RowsLoaded);
        Assert.Equal(500, outcome.Fragments.Count);
        Assert.InRange(outcome.Statistics.PeakBufferedCells, 1, options.MaxBufferedCells);
        Assert.True(outcome.Statistics.RowGroupsWritten > 500, "a small cap writes several row groups per partition");
        var ids = new List<long>();
        foreach (var fragment in outcome.Fragments)
        {
            ids.AddRange((await harness.RowsAsync(fragment.Partition)).Select(r => (long)r["id"]!));
        }

        Assert.Equal(Enumerable.Range(0, 60_000).Select(i => (long)i), ids.Order());
    }

    [Fact]
    public async Task MorePartitionsThanOpenWriters_AreWrittenInSweeps_OneFragmentEach()
    {
        using var harness = new LoadHarness();
        var options = new LoadEngineOptions { MaxOpenFragments = 64 };

        var outcome = await harness.ParseTextAsync(LoadHarness.Source("entered_at", Grain.Hour), "a.csv", HourlyFile(10_000, 200), options);

        Assert.Equal(4, outcome.Statistics.Sweeps);
        Assert.Equal(200, outcome.Fragments.Count);
        Assert.Equal(200, harness.Sink.Opened.Distinct().Count());
        Assert.Equal(200, harness.Sink.Opened.Count);
        Assert.Equal(10_000, outcome.RowsLoaded);
        Assert.Equal(10_000, outcome.RowsRead);
    }

    [Fact]
    public void WaterFill_SharesTheBudget_AndNeverExceedsIt()
    {
        var rows = new Dictionary<int, long> { [0] = 10, [1] = 1_000_000, [2] = 500, [3] = 1_000_000 };

        var capacity = FragmentWriterSet.WaterFill(rows, rowGroupRows: 131_072, budgetRows: 20_000);

        Assert.Equal(10, capacity[0]);
        Assert.Equal(500, capacity[2]);
        Assert.Equal(9_745, capacity[1]);
        Assert.Equal(9_745, capacity[3]);
        Assert.True(capacity.Values.Sum() <= 20_000);
    }

    [Fact]
    public void WaterFill_WithABudgetThatDoesNotDivideEvenly_GivesEveryLargerPartitionTheSameCapacity()
    {
        var rows = new Dictionary<int, long> { [0] = 10, [1] = 1_000_000, [2] = 2_000_000, [3] = 1_500_000, [4] = 1_000_001, [5] = 3_000_000 };

        var capacity = FragmentWriterSet.WaterFill(rows, rowGroupRows: 131_072, budgetRows: 20_003);

        // 19,993 rows for five larger partitions: 3,998 each, not 3,998 for some and 3,999 for others.
        Assert.Equal(10, capacity[0]);
        Assert.Equal([3_998], capacity.Where(c => c.Key != 0).Select(c => c.Value).Distinct());
        Assert.True(capacity.Values.Sum() <= 20_003);
    }

    [Fact]
    public async Task LongStrings_AreHeldToTheStringBudget()
    {
        using var harness = new LoadHarness();
        var options = new LoadEngineOptions { MaxBufferedStringBytes = 1 << 20 };
        var text = new StringBuilder("id,entered_at,blob\n");
        for (var i = 0; i < 2_000; i++)
        {
            text.Append(i).Append(",2026-11-").Append(10 + (i % 10)).Append("T10:00:00Z,").Append(new string((char)('a' + (i % 26)), 4_000)).Append('\n');
        }

        var outcome = await harness.ParseTextAsync(LoadHarness.Source(), "a.csv", text.ToString(), options);

        Assert.Equal(2_000, outcome.RowsLoaded);
        Assert.InRange(outcome.Statistics.PeakBufferedStringBytes, 1, options.MaxBufferedStringBytes + (2 * 64 * 1024));
    }
}
