using Strata.Testing;
using Strata.Workflow;

namespace Strata.Tests.Modes;

[Collection(AzuriteCollection.Name)]
public sealed class SnapshotModeTests(AzuriteFixture azurite) : ModeLakeTest(azurite, ModePipelines.Snapshot)
{
    [Fact]
    public async Task NewSnapshot_IsTheWholeSource_AndDaysItNoLongerHasAreCommittedEmpty()
    {
        await Lake.LandAsync("shop/stock/2026-11-20.csv", ModePipelines.Stock((1, "a", 5), (2, "a", 6), (3, "b", 7)));
        await Lake.RunAsync("shop");

        // Day 1 is gone, day 2 changed, day 3 is the same, day 4 is new.
        await Lake.LandAsync("shop/stock/2026-11-21.csv", ModePipelines.Stock((2, "a", 9), (3, "b", 7), (4, "c", 1)));
        var plan = await Lake.PlanAsync("shop");
        var run = await Lake.RunAsync("shop");
        var rerun = await Lake.RunAsync("shop");

        Assert.Equal(["2026-11-01", "2026-11-02", "2026-11-03"], plan.Datasets.Single().Partitions.Select(p => p.Partition));
        Assert.Equal((3, 1), (Of(run, "stock").Built, Of(run, "stock").Unchanged));
        Assert.Equal(0, (await Lake.PartitionAsync("stock", "2026-11-01"))!.Rows);
        Assert.Equal(
            [("2026-11-02", "a", 9L), ("2026-11-03", "b", 7L), ("2026-11-04", "c", 1L)],
            (await ReadSourceAsync("stock", "day")).Select(r => (((DateOnly)r["day"]!).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string)r["sku"]!, Long(r["qty"]))));
        Assert.Equal(0, rerun.PartitionsBuilt);
        Assert.True((await Lake.PlanAsync("shop")).NothingStale);
    }

    [Fact]
    public async Task SeveralSnapshotsBeforeARun_OnlyTheLastLandedCounts_AndDaysOnlySkippedOnesHadAreNeverCreated()
    {
        await Lake.LandAsync("shop/stock/a.csv", ModePipelines.Stock((1, "a", 1)));
        await Lake.RunAsync("shop");
        await Lake.LandAsync("shop/stock/b.csv", ModePipelines.Stock((2, "b", 2)));
        await Lake.LandAsync("shop/stock/c.csv", ModePipelines.Stock((3, "c", 3)));

        var run = await Lake.RunAsync("shop");

        Assert.Equal(["2026-11-01", "2026-11-03"], (await CommittedAsync("stock")).Keys.Order());
        Assert.Equal(["c"], (await ReadSourceAsync("stock", "sku")).Select(r => (string)r["sku"]!));
        Assert.Equal(2, Of(run, "stock").Built);
    }

    [Fact]
    public async Task EmptySnapshot_EmptiesTheSource_ButAnUnreadableOneChangesNothing()
    {
        await Lake.LandAsync("shop/stock/a.csv", ModePipelines.Stock((1, "a", 1), (2, "b", 2)));
        await Lake.RunAsync("shop");

        await Lake.LandAsync("shop/stock/broken.csv", "sku,qty\na,1\n");
        var broken = await Lake.RunAsync("shop");
        var kept = await ReadSourceAsync("stock", "sku");
        await Lake.LandAsync("shop/stock/empty.csv", "day,sku,qty\n");
        var emptied = await Lake.RunAsync("shop");

        Assert.Equal(0, broken.PartitionsBuilt);
        Assert.Equal(["a", "b"], kept.Select(r => (string)r["sku"]!));
        Assert.Equal(2, Of(emptied, "stock").Built);
        Assert.Empty(await ReadSourceAsync("stock", "sku"));
        Assert.All((await CommittedAsync("stock")).Values, p => Assert.Equal(0, p.Rows));
    }

    [Fact]
    public async Task RunStoppedOnceTheNewSnapshotIsPlanned_PlanNamesTheReplacement_AndTheRerunEndsExact()
    {
        await Lake.LandAsync("shop/stock/a.csv", ModePipelines.Stock((1, "a", 1), (2, "b", 2)));
        await Lake.RunAsync("shop");
        await Lake.LandAsync("shop/stock/b.csv", ModePipelines.Stock((2, "b", 3)));
        using var stop = new CancellationTokenSource();
        Lake.Host.ActivityCompleted += name =>
        {
            if (name == WorkflowNames.PlanLoad)
            {
                stop.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Lake.RunAsync("shop", ct: stop.Token));
        var plan = (await Lake.PlanAsync("shop")).Datasets.Single().Partitions;
        await Lake.RunAsync("shop");

        Assert.Equal(["2026-11-01", "2026-11-02"], plan.Select(p => p.Partition));
        Assert.Matches("^raw/stock/ingest_date=[0-9-]+/[0-9a-f]{64}-a.csv replaced by shop/stock/b.csv$", plan[0].Detail);
        Assert.Equal([("b", 3L)], (await ReadSourceAsync("stock", "sku")).Select(r => ((string)r["sku"]!, Long(r["qty"]))));
        Assert.Equal(0, (await Lake.RunAsync("shop")).PartitionsBuilt);
    }
}
