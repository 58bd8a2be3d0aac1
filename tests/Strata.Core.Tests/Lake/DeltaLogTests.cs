using Strata.Lake.Delta;
using Strata.Lake.Publishing;
using Strata.Partitions;
using Strata.Storage;
using Strata.Testing;
using Strata.Tests.Workflow;

namespace Strata.Tests.Lake;

/// <summary>The log itself: one writer per version, the loser catching up, checkpoints every ten versions.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeltaLogTests(AzuriteFixture azurite) : ShopLakeTest(azurite)
{
    [Fact]
    public async Task TwoWritersCommittingTheSameVersion_ExactlyOneWins()
    {
        var log = new DeltaLog(Lake.Storage.Container(LakeContainers.Load), "race");
        var writers = Enumerable.Range(0, 8).Select(i => new[] { new DeltaAction { CommitInfo = new CommitInfo { Timestamp = i } } }).ToList();

        var won = await Task.WhenAll(writers.Select(actions => log.TryCommitAsync(0, actions, CancellationToken.None)));

        Assert.Equal(1, won.Count(w => w));
        var stored = await log.ReadVersionAsync(0, CancellationToken.None);
        Assert.Equal(Array.IndexOf(won, true), stored!.Single().CommitInfo!.Timestamp);
        Assert.False(await log.TryCommitAsync(0, writers[0], CancellationToken.None));
    }

    [Fact]
    public async Task APublisherWhoseVersionWasTaken_ReadsTheNewerVersionsAndCommitsAfterThem()
    {
        await Lake.LandAsync("shop/orders/a.csv", Pipelines.Orders((1, "2026-11-20T10:00:00Z", "a@x.com", "1.50")));
        await Lake.RunAsync("shop");
        var log = new DeltaLog(Lake.Storage.Container(LakeContainers.Load), "orders");
        Assert.True(await log.TryCommitAsync(1, [new DeltaAction { CommitInfo = new CommitInfo { Timestamp = 1, Operation = "ANOTHER WRITER" } }], CancellationToken.None));

        await Lake.LandAsync("shop/orders/b.csv", Pipelines.Orders((2, "2026-11-21T10:00:00Z", "b@x.com", "2.50")));
        await Lake.RunAsync("shop");

        Assert.Equal([0L, 1L, 2L], (await log.ListAsync(CancellationToken.None)).Versions);
        Assert.Equal("ANOTHER WRITER", (await log.ReadVersionAsync(1, CancellationToken.None))!.Single().CommitInfo!.Operation);
        await AssertTableEqualsCommittedAsync("orders");
    }

    [Fact]
    public async Task FourPublishersAtOnce_EachVersionHasOneWriter_AndTheTableStaysExact()
    {
        await Lake.LandAsync("shop/orders/a.csv", Pipelines.Orders((1, "2026-11-20T10:00:00Z", "a@x.com", "1.50"), (2, "2026-11-21T10:00:00Z", "b@x.com", "2.50")));
        await Lake.RunAsync("shop");
        await Lake.LandAsync("shop/orders/b.csv", Pipelines.Orders((3, "2026-11-21T11:00:00Z", "c@x.com", "3.50"), (4, "2026-11-22T10:00:00Z", "d@x.com", "4.50")));
        await Lake.RunAsync("shop");

        // Make the committed files pending again, as if the last run's publish had not happened, then publish from four writers at once.
        await foreach (var record in Lake.Get<PartitionStore>().ListAsync("orders", CancellationToken.None))
        {
            var local = await Lake.DownloadAsync(LakeContainers.Load, record.OutputPath);
            await Lake.Get<LakeOutputs>().ExpectAsync("orders", record.Partition, LakeContainers.Load, 3, record.OutputPath, [], null, local, record.Rows, CancellationToken.None);
        }

        var publisher = Lake.Get<LakePublisher>();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => publisher.PublishAsync("orders", "shop-000003", 3, CancellationToken.None))));

        var versions = (await new DeltaLog(Lake.Storage.Container(LakeContainers.Load), "orders").ListAsync(CancellationToken.None)).Versions;
        Assert.Equal(Enumerable.Range(0, versions.Count).Select(v => (long)v), versions);
        Assert.Equal(results.Where(r => r.Version is not null).Select(r => r.Version!.Value).Order(), results.Where(r => r.Version is not null).Select(r => r.Version!.Value).Distinct().Order());
        Assert.Contains(results, r => r.Version is not null);
        await AssertTableEqualsCommittedAsync("orders");
    }

    [Fact]
    public async Task TheTenthVersion_WritesAParquetCheckpointWithTheProtocolsColumns_AndOnlyTheKeyValueGlobStillReadsTheFolder()
    {
        for (var day = 1; day <= 11; day++)
        {
            await Lake.LandAsync($"shop/orders/{day}.csv", Pipelines.Orders((day, $"2026-11-{day:D2}T10:00:00Z", $"u{day}@x.com", "1.00")));
            await Lake.RunAsync("shop");
        }

        using var folders = await new LakeFolders(Lake).DownloadAsync(LakeContainers.Load);
        var logFolder = Path.Combine(folders.Table("orders"), "_delta_log");
        var checkpoint = Path.Combine(logFolder, "00000000000000000010.checkpoint.parquet");
        Assert.True(File.Exists(checkpoint));
        Assert.Contains("\"version\":10", await File.ReadAllTextAsync(Path.Combine(logFolder, "_last_checkpoint")), StringComparison.Ordinal);
        var columns = DuckDbReader.Query($"DESCRIBE SELECT * FROM read_parquet({DuckDbReader.Quote(checkpoint)})")
            .ToDictionary(r => (string)r["column_name"]!, r => (string)r["column_type"]!);
        Assert.StartsWith("STRUCT(path VARCHAR, partitionValues MAP(VARCHAR, VARCHAR), size BIGINT, modificationTime BIGINT, dataChange BOOLEAN", columns["add"], StringComparison.Ordinal);
        Assert.StartsWith("STRUCT(path VARCHAR, deletionTimestamp BIGINT, dataChange BOOLEAN", columns["remove"], StringComparison.Ordinal);
        Assert.Equal("STRUCT(minReaderVersion INTEGER, minWriterVersion INTEGER)", columns["protocol"]);
        Assert.Contains("schemaString VARCHAR, partitionColumns VARCHAR[]", columns["metaData"], StringComparison.Ordinal);
        var (files, _, _, partitionColumns) = new DeltaProtocolReader(folders.Table("orders")).Read();
        var (committed, names) = await folders.CommittedAsync("orders");
        Assert.Equal(committed.Order(StringComparer.Ordinal), files);
        Assert.Equal(["order_date"], partitionColumns);

        // What DuckDB does with a recursive glob once _delta_log/ holds a Parquet checkpoint: it fails.
        var everything = Path.Combine(folders.Table("orders"), "**", "*.parquet");
        var error = Assert.ThrowsAny<Exception>(() => DuckDbReader.Query($"SELECT * FROM read_parquet({DuckDbReader.Quote(everything)}, hive_partitioning = true)"));
        Assert.Contains("Hive partition mismatch", error.Message, StringComparison.Ordinal);
        Assert.Equal(11, folders.FolderRows("orders", names).Count);
    }

    private async Task AssertTableEqualsCommittedAsync(string table)
    {
        using var folders = await new LakeFolders(Lake).DownloadAsync(LakeContainers.Load);
        var (files, _, _, _) = new DeltaProtocolReader(folders.Table(table)).Read();
        var (committed, columns) = await folders.CommittedAsync(table);
        Assert.Equal(committed.Order(StringComparer.Ordinal), files);
        Assert.Equal(LakeFolders.FileRows(committed, columns), LakeFolders.FileRows(files, columns));
        Assert.Equal(committed.Count, Directory.GetFiles(folders.Table(table), "*.parquet", SearchOption.AllDirectories).Count(f => !f.Contains("_delta_log", StringComparison.Ordinal)));
    }
}
