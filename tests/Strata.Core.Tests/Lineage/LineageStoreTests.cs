using Azure.Data.Tables;
using Strata.Lineage;
using Strata.Storage;
using Strata.Testing;

namespace Strata.Tests.Lineage;

/// <summary>Downstream edges written many partitions at a time, one table partition per input.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LineageStoreTests(AzuriteFixture azurite)
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
              daily: { window: 3 }
        """;

    [Fact]
    public async Task BatchOfWindows_DownstreamOfADay_IsEveryWindowHoldingIt_AndEdgesOfTheOldLayoutStillCount()
    {
        using var pipelines = new TestPipelines();
        pipelines.Write("p", Yaml, ("sql/daily.sql", "SELECT * FROM events"), ("sql/weekly.sql", "SELECT count(*) AS n FROM daily"));
        await using var lake = await TestLake.CreateAsync(azurite, pipelines.Root, new Dictionary<string, string?> { ["Strata:Workflow:PartitionsPerActivity"] = "100" });
        var csv = "id,happened_at\n" + string.Concat(Enumerable.Range(1, 6).Select(d => $"{d},2026-01-{d:D2}T10:00:00Z\n"));
        await lake.LandAsync("events/a.csv", csv);
        await lake.RunAsync("p");
        var store = lake.Get<LineageStore>();

        // An edge as runs before 2026-12-02 wrote it: table partition "<input>|<input partition>".
        await lake.Storage.Table(StrataTables.Lineage).UpsertEntityAsync(new TableEntity("daily|2026-01-03", "weekly|2025-12-31") { ["Dataset"] = "weekly", ["Partition"] = "2025-12-31" });
        var downstream = await store.DownstreamAsync("daily", "2026-01-03", CancellationToken.None);

        Assert.Equal(
            ["weekly 2025-12-31", "weekly 2026-01-03", "weekly 2026-01-04", "weekly 2026-01-05"],
            downstream.Select(d => $"{d.Dataset} {d.Partition}").Order(StringComparer.Ordinal));
        Assert.Equal(["daily 2026-01-06"], (await store.DownstreamAsync("events", "2026-01-06", CancellationToken.None)).Select(d => $"{d.Dataset} {d.Partition}"));
    }
}
