using System.Globalization;
using System.Text.Json.Nodes;
using Strata.Activities;
using Strata.Lake.Delta;
using Strata.Lake.Publishing;
using Strata.Partitions;
using Strata.Planning;
using Strata.Quality.Profiles;
using Strata.Storage;
using Strata.Testing;
using Strata.Tests.Lake;
using Strata.Workflow.Contracts;

namespace Strata.Tests.Activities;

/// <summary>
/// A load partition that is exactly one fragment is copied in storage and never downloaded: its
/// Delta size, columns and row count come from what the parse recorded, and must equal what a
/// reader of the file finds.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CopiedPartitionTests(AzuriteFixture azurite)
{
    private const string Yaml = """
        sources:
          events:
            landing: events/
            format: csv
            partition: { column: happened_at, grain: day, key: event_date }
        """;

    private const string WithExpectation = """
        sources:
          events:
            landing: events/
            format: csv
            partition: { column: happened_at, grain: day, key: event_date }
            expectations:
              - { name: positive, sql: "amount > 0", action: warn }
        """;

    private const string Csv = "id,happened_at,amount,category\n1,2026-01-01T10:00:00Z,1.50,a\n2,2026-01-01T11:00:00Z,2.25,b\n3,2026-01-02T09:30:00Z,7.00,\n4,2026-01-03T23:59:59Z,0.10,c\n";

    [Fact]
    public async Task BatchOfSingleFragmentPartitions_PublishesDeltaSizeRowsAndColumns_EqualToDuckDbsReadOfTheFiles()
    {
        using var pipelines = new TestPipelines();
        pipelines.Write("p", Yaml);
        await using var lake = await TestLake.CreateAsync(azurite, pipelines.Root);
        await lake.LandAsync("events/a.csv", Csv);

        var run = await lake.RunAsync("p");

        Assert.Equal(3, run.PartitionsBuilt);
        using var folders = await new LakeFolders(lake).DownloadAsync(LakeContainers.Load);
        var table = folders.Table("events");
        var log = File.ReadAllLines(Path.Combine(table, "_delta_log", $"{0:D20}.json")).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var adds = log.Select(a => a["add"]).OfType<JsonObject>().ToList();
        Assert.Equal(3, adds.Count);
        foreach (var add in adds)
        {
            var file = Path.Combine(table, Uri.UnescapeDataString(add["path"]!.GetValue<string>()));
            var read = DuckDbReader.Query($"SELECT count(*) AS n FROM read_parquet({DuckDbReader.Quote(file)})").Single();
            Assert.Equal(new FileInfo(file).Length, add["size"]!.GetValue<long>());
            Assert.Equal(Convert.ToInt64(read["n"], CultureInfo.InvariantCulture), JsonNode.Parse(add["stats"]!.GetValue<string>())!["numRecords"]!.GetValue<long>());
        }

        // The columns are those a build that downloaded the file would have described, and DuckDB's names and order.
        var metaData = log.Select(a => a["metaData"]).OfType<JsonObject>().Single();
        var first = Path.Combine(table, Uri.UnescapeDataString(adds[0]["path"]!.GetValue<string>()));
        var (_, described) = await LakeFiles.DescribeAsync(first, "test", CancellationToken.None);
        var partitionColumn = Assert.Single(metaData["partitionColumns"]!.AsArray())!.GetValue<string>();
        Assert.Equal(described.ToSchemaString(), DeltaSchema.Parse(metaData["schemaString"]!.GetValue<string>()).Without(partitionColumn).ToSchemaString());
        var duckColumns = DuckDbReader.Query($"SELECT name FROM parquet_schema({DuckDbReader.Quote(first)}) WHERE num_children IS NULL").Select(r => (string)r["name"]!);
        Assert.Equal(duckColumns, described.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task SingleFragmentPartition_IsNotDownloaded_AndItsPendingRowMatchesTheDownloadedFile()
    {
        using var pipelines = new TestPipelines();
        pipelines.Write("p", Yaml);
        await using var lake = await TestLake.CreateAsync(azurite, pipelines.Root);
        await lake.LandAsync("events/a.csv", Csv);
        await lake.RunAsync("p");
        var committed = (await lake.PartitionAsync("events", "2026-01-01"))!;

        var (build, temp) = await PrepareAgainAsync(lake, "2026-01-01");

        using (temp)
        {
            Assert.False(File.Exists(build.Files[0].Local));
            var fragment = Assert.Single(committed.Inputs.Slices.Single().Parts ?? []);
            Assert.NotNull(build.SameBytesAs);
            Assert.Contains(fragment.Key, build.SameBytesAs!.Value.Blob, StringComparison.Ordinal);
            Assert.Equal(committed.OutputHash, build.Record.OutputHash);
            var downloaded = temp.File("committed.parquet");
            await BlobFiles.DownloadAsync(lake.Storage.Container(LakeContainers.Load), committed.OutputPath, downloaded, CancellationToken.None);
            var (size, columns) = await LakeFiles.DescribeAsync(downloaded, "test", CancellationToken.None);
            Assert.Equal(size, build.Pending.Size);
            Assert.True(columns.SameAs(build.Pending.Columns));
            Assert.Equal(2, build.Pending.Rows);

            // Its profile comes from the fragment's row, as the parse wrote it: what DuckDB finds in the file.
            var profile = Assert.IsType<WrittenProfile>(build.Profile);
            var read = lake.Get<PartitionProfiler>().Profile("events", "2026-01-01", "test", DateTimeOffset.UnixEpoch, downloaded);
            Assert.Equal(read.Rows, profile.Rows);
            Assert.Equal(read.Columns.Select(c => (c.Name, c.Type, c.Nulls, c.Min, c.Max)), profile.Columns.Select(c => (c.Name, c.Type, c.Nulls, c.Min, c.Max)));
        }
    }

    [Fact]
    public async Task CopiedPartitions_StoreTheProfileTheirParseWrote_OnePerPartition()
    {
        using var pipelines = new TestPipelines();
        pipelines.Write("p", Yaml);
        await using var lake = await TestLake.CreateAsync(azurite, pipelines.Root);
        await lake.LandAsync("events/a.csv", Csv);

        await lake.RunAsync("p");

        var stored = await lake.Get<ProfileStore>().AllAsync("events", CancellationToken.None);
        Assert.Equal(["2026-01-01", "2026-01-02", "2026-01-03"], stored.Select(p => p.Partition));
        Assert.Equal([2L, 1, 1], stored.Select(p => p.Rows));
        var category = stored.Select(p => p.Columns.Single(c => c.Name == "category")).ToList();
        Assert.Equal([0L, 1, 0], category.Select(c => c.Nulls));
        Assert.Equal(new Dictionary<string, long> { ["a"] = 1, ["b"] = 1 }, category[0].Values);
    }

    [Fact]
    public async Task SourceWithExpectations_DownloadsItsSingleFragmentPartitions()
    {
        using var pipelines = new TestPipelines();
        pipelines.Write("p", WithExpectation);
        await using var lake = await TestLake.CreateAsync(azurite, pipelines.Root);
        await lake.LandAsync("events/a.csv", Csv);
        await lake.RunAsync("p");

        var (build, temp) = await PrepareAgainAsync(lake, "2026-01-02");

        using (temp)
        {
            Assert.True(File.Exists(build.Files[0].Local));
            Assert.Equal(new FileInfo(build.Files[0].Local).Length, build.Pending.Size);
        }
    }

    /// <summary>Prepares a forced rebuild of one committed load partition, as a batch activity would, without committing it.</summary>
    private static async Task<(PreparedBuild Build, TempFolder Temp)> PrepareAgainAsync(TestLake lake, string partition)
    {
        var load = lake.Get<LoadActivities>();
        var committed = (await lake.PartitionAsync("events", partition))!;
        var input = new BuildInput("test-run", committed.CommitRun + 1, "events", partition, committed.Fingerprint, Force: true);
        var state = await load.BatchStateAsync("events", [input], CancellationToken.None);
        var temp = new TempFolder("copied-test");
        var (done, build) = await new LoadPartitionBuild(load, input, state).PrepareAsync(temp, CancellationToken.None);
        Assert.Null(done);
        return (build!, temp);
    }
}
