using System.Text.Json.Nodes;
using Strata.Storage;
using Strata.Testing;
using Strata.Tests.Workflow;

namespace Strata.Tests.Lake;

/// <summary>How a table's schema follows its source: new columns in metaData, widened types rewritten into every file.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SchemaEvolutionTests(AzuriteFixture azurite) : ShopLakeTest(azurite)
{
    [Fact]
    public async Task AnAddedColumn_UpdatesTheTablesMetaData_AndReadsAsNullInEarlierFiles()
    {
        await Lake.LandAsync("shop/orders/a.csv", "order_id,ts,qty\n1,2026-11-20T10:00:00Z,3\n");
        await Lake.RunAsync("shop");
        await Lake.LandAsync("shop/orders/b.csv", "order_id,ts,qty,coupon\n2,2026-11-21T10:00:00Z,4,WINTER\n");

        await Lake.RunAsync("shop");

        using var folders = await new LakeFolders(Lake).DownloadAsync(LakeContainers.Load);
        var reader = new DeltaProtocolReader(folders.Table("orders"));
        var (files, schema, _, _) = reader.Read();
        Assert.Equal(["order_id:long", "ts:timestamp", "qty:long", "coupon:string", "order_date:date"], Fields(schema));
        Assert.Equal(["order_id:long", "ts:timestamp", "qty:long", "order_date:date"], Fields(reader.Read(0).SchemaString));
        var rows = DuckDbReader.Query($"SELECT order_id, coupon FROM read_parquet([{string.Join(", ", files.Select(DuckDbReader.Quote))}], union_by_name = true) ORDER BY order_id");
        Assert.Null(rows[0]["coupon"]);
        Assert.Equal("WINTER", rows[1]["coupon"]);
    }

    [Fact]
    public async Task AWidenedType_RewritesEarlierPartitionsAtTheWiderType_WithoutParsingTheirRawBlobsAgain()
    {
        await Lake.LandAsync("shop/orders/a.csv", "order_id,ts,qty\n1,2026-11-20T10:00:00Z,3\n2,2026-11-20T11:00:00Z,5\n");
        await Lake.RunAsync("shop");
        var before = (await Lake.PartitionAsync("orders", "2026-11-20"))!;
        await Lake.LandAsync("shop/orders/b.csv", "order_id,ts,qty\n3,2026-11-21T10:00:00Z,n/a\n");

        var run = await Lake.RunAsync("shop");

        Assert.Equal(1, run.Datasets.Single(d => d.Dataset == "orders").BlobsParsed);
        var after = (await Lake.PartitionAsync("orders", "2026-11-20"))!;
        Assert.NotEqual(before.OutputPath, after.OutputPath);
        Assert.NotEqual(before.OutputHash, after.OutputHash);
        using var folders = await new LakeFolders(Lake).DownloadAsync(LakeContainers.Load);
        var (files, schema, _, _) = new DeltaProtocolReader(folders.Table("orders")).Read();
        Assert.Contains("qty:string", Fields(schema));
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.Equal("VARCHAR", DuckDbReader.Query($"SELECT column_type FROM (DESCRIBE SELECT qty FROM read_parquet({DuckDbReader.Quote(f)}))").Single()["column_type"]));
        Assert.False(File.Exists(Path.Combine(folders.Root, LakeContainers.Load, before.OutputPath)));
        var rows = DuckDbReader.Query($"SELECT order_id, qty FROM read_parquet({DuckDbReader.Quote(folders.Glob("orders"))}, hive_partitioning = true) ORDER BY order_id");
        Assert.Equal(["3", "5", "n/a"], rows.Select(r => (string)r["qty"]!));
    }

    [Fact]
    public async Task ALateFile_RebuildsItsPartitionFromStoredFragments_ParsingOnlyTheNewBlob()
    {
        await Lake.LandAsync("shop/orders/a.csv", Pipelines.Orders((1, "2026-11-20T10:00:00Z", "a@x.com", "1.50"), (2, "2026-11-21T10:00:00Z", "b@x.com", "2.00")));
        await Lake.RunAsync("shop");
        await Lake.ReopenAsync(new Dictionary<string, string?> { ["Strata:Lake:GcGraceAge"] = "00:00:00" });
        await Lake.Get<Strata.Lake.Gc.GarbageCollector>().CollectAsync(dryRun: false, CancellationToken.None);
        await Lake.LandAsync("shop/orders/late.csv", Pipelines.Orders((3, "2026-11-21T23:00:00Z", "c@x.com", "3.00")));

        var run = await Lake.RunAsync("shop");

        var orders = run.Datasets.Single(d => d.Dataset == "orders");
        Assert.Equal(1, orders.BlobsParsed);
        Assert.Equal(1, orders.Built);
        Assert.Equal([2L, 3L], (await Lake.ReadAsync("orders", "2026-11-21", "order_id")).Select(r => Convert.ToInt64(r["order_id"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(3, (await Lake.BlobsAsync(LakeContainers.Internal, "fragments/orders/")).Count);
        Assert.DoesNotContain(await Lake.BlobsAsync(LakeContainers.Load), b => b.Contains("_fragments", StringComparison.Ordinal));
    }

    private static List<string> Fields(string schemaString) =>
        JsonNode.Parse(schemaString)!["fields"]!.AsArray().Select(f => $"{f!["name"]}:{f["type"]}").ToList();
}
