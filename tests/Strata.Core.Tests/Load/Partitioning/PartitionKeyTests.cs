using Strata.Definitions;

namespace Strata.Tests.Load.Partitioning;

public sealed class PartitionKeyTests
{
    private const string Rows = "id,entered_at\n1,2026-11-20T13:05:00Z\n2,2026-11-20T13:59:59.999Z\n3,2026-11-20T14:00:00+01:00\n4,2026-12-01T00:00:00Z\n5,2026-11-21\n";

    [Theory]
    [InlineData(Grain.Hour, new[] { "2026-11-20T13", "2026-11-21T00", "2026-12-01T00" }, new[] { 3, 1, 1 })]
    [InlineData(Grain.Day, new[] { "2026-11-20", "2026-11-21", "2026-12-01" }, new[] { 3, 1, 1 })]
    [InlineData(Grain.Month, new[] { "2026-11", "2026-12" }, new[] { 4, 1 })]
    public async Task TimestampColumn_IsCutAtTheGrainInUtc(Grain grain, string[] partitions, int[] rows)
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(LoadHarness.Source("entered_at", grain), "a.csv", Rows);

        Assert.Equal(partitions, outcome.Fragments.Select(f => f.Partition));
        Assert.Equal(rows.Select(r => (long)r), outcome.Fragments.Select(f => f.Rows));
        Assert.Equal(partitions, harness.Sink.Opened.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task IngestDate_PutsEveryRowInTheLandingDay()
    {
        using var harness = new LoadHarness();
        var source = LoadHarness.Source() with { Partition = PartitionKeySpec.ForIngestDate() };

        var outcome = await harness.ParseTextAsync(source, "a.csv", "id\n1\n2\n");

        Assert.Equal("2026-11-20", Assert.Single(outcome.Fragments).Partition);
    }

    [Fact]
    public async Task PartitionColumn_DeclaredAsString_IsStillCutAsATimestamp()
    {
        using var harness = new LoadHarness();
        var source = LoadHarness.Source() with { Schema = [new ColumnHint("entered_at", ColumnType.String, Required: false)] };

        var outcome = await harness.ParseTextAsync(source, "a.csv", "id,entered_at\n1,2026-11-20T23:30:00-01:00\n");

        Assert.Equal("2026-11-21", Assert.Single(outcome.Fragments).Partition);
        Assert.Equal("2026-11-20T23:30:00-01:00", Assert.Single(await harness.RowsAsync("2026-11-21"))["entered_at"]);
    }

    [Theory]
    [InlineData("2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z", ColumnType.Timestamp)]
    [InlineData("2026-11-20T10:00:00Z", "2026-11-20", ColumnType.Timestamp)]
    [InlineData("2026-11-20", "2026-11-20", ColumnType.Date)]
    [InlineData("2026-11-20T10:00:00Z", " 2026-11-20T11:00:00Z", ColumnType.String)]
    [InlineData("2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z\t", ColumnType.String)]
    public async Task PartitionColumn_IsTypedByInference_AsIfItWereNotThePartition(string first, string second, ColumnType expected)
    {
        // Pass 1 reuses the partition parse to classify the column: it must give the type
        // classifying the text would (blanks around a value are partitioned but make it text).
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(LoadHarness.Source(), "a.csv", $"id,entered_at\n1,{first}\n2,{second}\n");

        Assert.Equal(2, outcome.RowsLoaded);
        Assert.Equal("2026-11-20", Assert.Single(outcome.Fragments).Partition);
        Assert.Equal(expected, outcome.Schema.Columns[1].Type);
    }

    [Fact]
    public async Task PartitionValue_EmptyOrNotATimestamp_IsQuarantined()
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(LoadHarness.Source(), "a.csv", "id,entered_at\n1,2026-11-20T10:00:00Z\n2,\n3,yesterday\n");

        Assert.Equal(1, outcome.RowsLoaded);
        Assert.Equal(ColumnType.Timestamp, outcome.Schema.Columns[1].Type);
        Assert.Equal(
            ["partition column 'entered_at' is empty", "partition column 'entered_at': 'yesterday' is not a timestamp or date"],
            harness.Quarantine().Select(q => q.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task PartitionColumn_MissingFromTheHeader_IsAFileError()
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(LoadHarness.Source(), "a.csv", "id,at\n1,2026-11-20\n");

        Assert.Contains("partition column 'entered_at' is not in the file", outcome.FileError, StringComparison.Ordinal);
    }
}
