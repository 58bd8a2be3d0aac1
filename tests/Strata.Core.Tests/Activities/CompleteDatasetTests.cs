using Strata.Activities;
using Strata.Partitions;
using Strata.Testing;
using Strata.Tests.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Tests.Activities;

/// <summary>The dataset summary CompleteDataset writes is a conditional read-modify-write: concurrent completions lose nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CompleteDatasetTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ConcurrentCompletionsOfOneDataset_EachKeepTheirUpdate_AndCountEveryCommitOnce()
    {
        using var pipelines = new TestPipelines();
        pipelines.Write("shop", Pipelines.Shop);
        await using var lake = await TestLake.CreateAsync(azurite, pipelines.Root);
        await lake.LandAsync("shop/orders/a.csv", Pipelines.Orders((1, "2026-11-20T10:00:00Z", "a@x.com", "1"), (2, "2026-11-21T10:00:00Z", "b@x.com", "2"), (3, "2026-11-21T11:00:00Z", "c@x.com", "3")));
        await lake.RunAsync("shop");
        var store = lake.Get<PartitionStore>();
        var before = (await store.GetSummaryAsync("orders", CancellationToken.None))!;
        var activities = lake.Get<RunActivities>();

        // Each completion advances a different input position, so a write built on a stale read would drop another's.
        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => activities.CompleteDatasetAsync(
            new CompleteDatasetInput("shop-000001", 1, "orders", before.CodeHash, before.SqlHash, new Dictionary<string, long> { [$"input{i}"] = i + 1 }, Advance: true, []),
            CancellationToken.None))));
        var after = (await store.GetSummaryAsync("orders", CancellationToken.None))!;

        Assert.All(Enumerable.Range(0, 16), i => Assert.Equal(i + 1, after.SeenOf($"input{i}")));
        Assert.Equal((2L, 3L), (after.Partitions, after.Rows));
        Assert.Equal((before.Partitions, before.Rows), (after.Partitions, after.Rows));
    }
}
