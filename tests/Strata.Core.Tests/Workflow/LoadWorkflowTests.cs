using Strata.Planning;
using Strata.Storage;
using Strata.Testing;
using Strata.Workflow.Contracts;

namespace Strata.Tests.Workflow;

[Collection(AzuriteCollection.Name)]
public sealed class LoadWorkflowTests(AzuriteFixture azurite) : ShopLakeTest(azurite)
{
    [Fact]
    public async Task Rerun_WithNoNewData_BuildsNothing()
    {
        await Lake.LandAsync("shop/orders/a.csv", Pipelines.Orders((1, "2026-11-20T10:00:00Z", "a@x.com", "1.50"), (2, "2026-11-21T10:00:00Z", "b@x.com", "2.00")));
        var first = await Lake.RunAsync("shop");

        var second = await Lake.RunAsync("shop");

        Assert.Equal(2, first.PartitionsBuilt);
        Assert.Equal(0, second.PartitionsBuilt);
        Assert.Equal(0, second.RowsIn);
        Assert.True((await Lake.PlanAsync("shop")).NothingStale);
    }

    [Fact]
    public async Task LateFile_WithRowsForThreeExistingDates_RebuildsExactlyThoseThreeLoadPartitions()
    {
        var days = Enumerable.Range(10, 6).Select(d => $"2026-11-{d}").ToList();
        await Lake.LandAsync("shop/orders/history.csv", Pipelines.Orders(days.Select((d, i) => (i + 1, $"{d}T08:00:00Z", $"c{i}@x.com", "5.00")).ToArray()));
        await Lake.RunAsync("shop");
        var before = await Task.WhenAll(days.Select(d => Lake.PartitionAsync("orders", d)));

        await Lake.LandAsync("shop/orders/late.csv", Pipelines.Orders((100, "2026-11-11T23:00:00Z", "l1@x.com", "1.00"), (101, "2026-11-13T01:00:00Z", "l2@x.com", "2.00"), (102, "2026-11-15T12:00:00Z", "l3@x.com", "3.00")));
        var plan = await Lake.PlanAsync("shop");
        var run = await Lake.RunAsync("shop");

        var orders = run.Datasets.Single(d => d.Dataset == "orders");
        Assert.Equal(3, orders.Built);
        var after = await Task.WhenAll(days.Select(d => Lake.PartitionAsync("orders", d)));
        var rebuilt = days.Where((d, i) => after[i]!.OutputPath != before[i]!.OutputPath).ToList();
        Assert.Equal(["2026-11-11", "2026-11-13", "2026-11-15"], rebuilt);
        Assert.Equal(["raw/" + (await Lake.BlobsAsync(LakeContainers.Raw, "orders/")).Single(n => n.EndsWith("-late.csv", StringComparison.Ordinal))],
            plan.Datasets.Single(d => d.Dataset == "orders").UnparsedBlobs);
        Assert.Equal(2, (await Lake.ReadAsync("orders", "2026-11-13")).Count);
    }

    [Fact]
    public async Task ChangingOneSourcesLoadSpec_RebuildsThatSourcesPartitionsOnly()
    {
        await Lake.LandAsync("shop/orders/a.csv", Pipelines.Orders((1, "2026-11-20T10:00:00Z", "a@x.com", "1.50")));
        await Lake.LandAsync("shop/refunds/r.jsonl", "{\"id\":1,\"ts\":\"2026-11-20T11:00:00Z\"}\n{\"id\":2,\"ts\":\"2026-11-22T11:00:00Z\"}\n");
        await Lake.RunAsync("shop");

        PipelineFolder.Write("shop", Pipelines.Shop.Replace("email: tokenise", "email: drop", StringComparison.Ordinal));
        await Lake.ReopenAsync();
        var plan = await Lake.PlanAsync("shop");
        var run = await Lake.RunAsync("shop");

        Assert.Equal(StaleReason.LoadSpecChanged, plan.Datasets.Single(d => d.Dataset == "orders").Partitions.Single().Reason);
        Assert.Empty(plan.Datasets.Single(d => d.Dataset == "refunds").Partitions);
        Assert.Equal(1, run.Datasets.Single(d => d.Dataset == "orders").Built);
        Assert.Equal(0, run.Datasets.Single(d => d.Dataset == "refunds").Built);
        Assert.DoesNotContain("email", (await Lake.ReadAsync("orders", "2026-11-20")).Single().Keys);
    }
}
