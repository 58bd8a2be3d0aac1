using Strata.Runs;
using Strata.Storage;
using Strata.Testing;

namespace Strata.Tests.Lake;

/// <summary>Tables SQL writes: the protocol follows the types the SQL produces; a type Delta cannot hold is a clear error.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SqlTableTests(AzuriteFixture azurite)
{
    private static readonly string s_yaml = LakeTestPipelines.OrdersAnd("shaped", "integrate");

    [Fact]
    public async Task ASqlOutputWithANaiveTimestamp_IsPublishedWithTheTimestampNtzFeature()
    {
        var (lake, pipelines) = await CreateAsync("SELECT order_id, CAST(ts AS TIMESTAMP) AS local_ts FROM orders");
        await using (lake)
        using (pipelines)
        {
            using var folders = await new LakeFolders(lake).DownloadAsync(LakeContainers.Integrate);
            var (files, schema, protocol, _) = new DeltaProtocolReader(folders.Table("shaped")).Read();

            Assert.Single(files);
            Assert.Contains("\"local_ts\",\"type\":\"timestamp_ntz\"", schema, StringComparison.Ordinal);
            Assert.Equal(3, protocol["minReaderVersion"]!.GetValue<int>());
            Assert.Equal(7, protocol["minWriterVersion"]!.GetValue<int>());
            Assert.Equal("timestampNtz", protocol["readerFeatures"]![0]!.GetValue<string>());
            Assert.Equal("timestampNtz", protocol["writerFeatures"]![0]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task ASqlOutputWithATimeColumn_FailsItsPartitionWithAMessageNamingTheColumn_AndPublishesNothing()
    {
        var (lake, pipelines) = await CreateAsync("SELECT order_id, TIME '10:00' AS at_time FROM orders", expect: RunStatus.CompletedWithFailures);
        await using (lake)
        using (pipelines)
        {
            var plan = await lake.PlanAsync("shop");

            var failed = plan.Datasets.Single(d => d.Dataset == "shaped").Partitions.Single();
            Assert.Equal(Strata.Workflow.Contracts.StaleReason.PreviouslyFailed, failed.Reason);
            Assert.True(failed.Detail.Contains("'at_time'", StringComparison.Ordinal), failed.Detail);
            Assert.Contains("CAST(at_time AS VARCHAR)", failed.Detail, StringComparison.Ordinal);
            Assert.Null(await lake.PartitionAsync("shaped", "2026-11-20"));
            Assert.Empty(await lake.BlobsAsync(LakeContainers.Integrate));
        }
    }

    private async Task<(TestLake Lake, TestPipelines Pipelines)> CreateAsync(string sql, RunStatus expect = RunStatus.Completed)
    {
        var pipelines = new TestPipelines().Write("shop", s_yaml, ("sql/shaped.sql", sql));
        var lake = await TestLake.CreateAsync(azurite, pipelines.Root);
        await lake.LandAsync("shop/orders/a.csv", "order_id,ts\n1,2026-11-20T10:00:00Z\n");
        Assert.Equal(expect, (await lake.RunAsync("shop")).Status);
        return (lake, pipelines);
    }
}
