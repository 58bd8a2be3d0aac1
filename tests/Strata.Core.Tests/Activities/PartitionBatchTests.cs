using Strata.Partitions;
using Strata.Runs;
using Strata.Storage;
using Strata.Testing;

namespace Strata.Tests.Activities;

/// <summary>
/// Many partitions per build activity: each partition keeps its own skip, failure and
/// conditional commit, and the lake ends exactly as with one activity per partition.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PartitionBatchTests(AzuriteFixture azurite)
{
    private const string Yaml = """
        sources:
          events:
            landing: events/
            format: csv
            partition: { column: happened_at, grain: day, key: event_date }
        datasets:
          daily:
            layer: integrate
            sql: sql/daily.sql
            inputs:
              events: identity
          weekly:
            layer: action
            sql: sql/weekly.sql
            inputs:
              daily: { window: 7 }
        """;

    // A day of exactly three events fails with a conversion error: the user's error, in one partition only.
    private const string DailySql = "SELECT id, happened_at, amount, CAST(CASE WHEN count(*) OVER () = 3 THEN 'three' ELSE '1' END AS INTEGER) AS ok FROM events";

    private const string WeeklySql = "SELECT count(*) AS events, sum(amount) AS amount FROM daily";

    [Fact]
    public async Task BatchWithOneFailingPartition_CommitsTheOthers_AndRecordsTheFailure()
    {
        using var pipelines = new TestPipelines();
        await using var lake = await CreateAsync(pipelines, perActivity: 100);
        await lake.LandAsync("events/a.csv", Events((1, 1), (2, 3), (3, 1), (4, 2)));

        var run = await lake.RunAsync("p");

        var daily = run.Datasets.Single(d => d.Dataset == "daily");
        Assert.Equal(RunStatus.CompletedWithFailures, run.Status);
        Assert.Equal((3, 1), (daily.Built, daily.Failed));
        var failure = Assert.Single(await lake.Get<PartitionStore>().FailuresAsync("daily", CancellationToken.None));
        Assert.Equal("2026-01-02", failure.Partition);
        Assert.Contains("three", failure.Error, StringComparison.Ordinal);
        Assert.Null(await lake.PartitionAsync("daily", "2026-01-02"));
        foreach (var day in new[] { "2026-01-01", "2026-01-03", "2026-01-04" })
        {
            Assert.All(await lake.ReadAsync("daily", day), row => Assert.Equal(1, Convert.ToInt32(row["ok"], System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public async Task ManyPartitionsPerActivity_BuildTheSameLakeAsOnePerActivity()
    {
        var days = Enumerable.Range(1, 12).Select(d => (d, d % 3 == 0 ? 2 : 1)).ToArray();
        using var onePipelines = new TestPipelines();
        using var manyPipelines = new TestPipelines();
        await using var one = await CreateAsync(onePipelines, perActivity: 1);
        await using var many = await CreateAsync(manyPipelines, perActivity: 5);
        await one.LandAsync("events/a.csv", Events(days));
        await many.LandAsync("events/a.csv", Events(days));

        var oneRun = await one.RunAsync("p");
        var manyRun = await many.RunAsync("p");

        Assert.Equal(RunStatus.Completed, manyRun.Status);
        Assert.Equal(oneRun.Datasets.Select(d => (d.Dataset, d.Built, d.RowsWritten)), manyRun.Datasets.Select(d => (d.Dataset, d.Built, d.RowsWritten)));
        foreach (var dataset in new[] { "events", "daily", "weekly" })
        {
            var expected = await StateAsync(one, dataset);
            Assert.Equal(12, expected.Count);
            Assert.Equal(expected, await StateAsync(many, dataset));
        }

        Assert.Equal(0, (await many.RunAsync("p")).PartitionsBuilt);
    }

    [Fact]
    public async Task CommitMany_WhenOneRowLostItsRace_CommitsTheOthersAndReportsOnlyThatOne()
    {
        using var pipelines = new TestPipelines();
        await using var lake = await CreateAsync(pipelines, perActivity: 100);
        await lake.LandAsync("events/a.csv", Events((1, 1), (2, 1), (3, 1)));
        await lake.RunAsync("p");
        var store = lake.Get<PartitionStore>();
        var read = await store.GetManyAsync("events", ["2026-01-01", "2026-01-02", "2026-01-03"], CancellationToken.None);
        var rival = read.Committed["2026-01-02"] with { OutputPath = "events/rival.parquet", OutputHash = "rival" };

        // Another writer replaces one row after our read: its ETag no longer matches.
        Assert.True(await store.CommitAsync(rival, read.Committed["2026-01-02"], null, CancellationToken.None));
        var ours = read.Committed.Values.OrderBy(r => r.Partition, StringComparer.Ordinal)
            .Select(r => (r with { OutputPath = $"events/ours-{r.Partition}.parquet", CommitRun = 9 }, (PartitionRecord?)r, (FailureMarker?)null)).ToList();
        var won = await store.CommitManyAsync(ours, CancellationToken.None);

        Assert.Equal([true, false, true], won);
        Assert.Equal("events/ours-2026-01-01.parquet", (await lake.PartitionAsync("events", "2026-01-01"))!.OutputPath);
        Assert.Equal("events/rival.parquet", (await lake.PartitionAsync("events", "2026-01-02"))!.OutputPath);
        Assert.Equal("events/ours-2026-01-03.parquet", (await lake.PartitionAsync("events", "2026-01-03"))!.OutputPath);
    }

    private async Task<TestLake> CreateAsync(TestPipelines pipelines, int perActivity)
    {
        pipelines.Write("p", Yaml, ("sql/daily.sql", DailySql), ("sql/weekly.sql", WeeklySql));
        return await TestLake.CreateAsync(azurite, pipelines.Root, new Dictionary<string, string?> { ["Strata:Workflow:PartitionsPerActivity"] = $"{perActivity}" });
    }

    /// <summary>Every committed partition's key, fingerprint, output hash and rows (read back with DuckDB).</summary>
    private static async Task<List<string>> StateAsync(TestLake lake, string dataset)
    {
        var state = new List<string>();
        await foreach (var record in lake.Get<PartitionStore>().ListAsync(dataset, CancellationToken.None))
        {
            var rows = await lake.ReadAsync(dataset, record.Partition);
            state.Add($"{record.Partition} {record.Fingerprint} {record.OutputHash} {string.Join(";", rows.Select(r => string.Join(",", r.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"))))}");
        }

        return state;
    }

    /// <summary>(day of January 2026, events that day) → a CSV.</summary>
    private static string Events(params (int Day, int Count)[] days)
    {
        var csv = new System.Text.StringBuilder("id,happened_at,amount\n");
        var id = 0;
        foreach (var (day, count) in days)
        {
            for (var i = 0; i < count; i++)
            {
                id++;
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{id},2026-01-{day:D2}T{10 + i:D2}:00:00Z,{id}.50\n");
            }
        }

        return csv.ToString();
    }
}
