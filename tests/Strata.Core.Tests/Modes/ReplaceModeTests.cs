using Strata.Storage;
using Strata.Testing;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Tests.Modes;

[Collection(AzuriteCollection.Name)]
public sealed class ReplaceModeTests(AzuriteFixture azurite)
    : ModeLakeTest(azurite, ModePipelines.Replace, ("sql/daily_orders.sql", ModePipelines.DailyOrdersSql))
{
    private const string Batch = "shop/orders/day-batch.csv";

    // 20 orders, four a day on 10–14 November; amount = id.
    private static readonly (int Id, int Day, decimal Amount)[] Original = [.. Enumerable.Range(1, 20).Select(i => (i, 10 + ((i - 1) / 4), (decimal)i))];

    [Fact]
    public async Task CorrectedCopyUnderTheSameName_ReplacesItsRows_RebuildingOnlyThePartitionsItTouches()
    {
        await Lake.LandAsync(Batch, ModePipelines.Orders(Original));
        await Lake.LandAsync("shop/orders/other.csv", ModePipelines.Orders((100, 12, 7m), (101, 15, 8m)));
        await Lake.RunAsync("shop");
        var before = await CommittedAsync("orders");
        var downstreamBefore = await CommittedAsync("daily_orders");

        // Three rows corrected: two on the 11th, one on the 13th.
        var corrected = Original.Select(o => o.Id is 5 or 6 or 13 ? o with { Amount = 99.5m } : o).ToArray();
        await Lake.LandAsync(Batch, ModePipelines.Orders(corrected));
        var plan = await Lake.PlanAsync("shop");
        var run = await Lake.RunAsync("shop");
        var rerun = await Lake.RunAsync("shop");

        var view = plan.Datasets.Single(d => d.Dataset == "orders");
        var preview = view.Partitions;
        Assert.Equal(["2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13", "2026-11-14"], preview.Select(p => p.Partition));
        Assert.All(preview, p => Assert.Contains($"replaced by {Batch}", p.Detail, StringComparison.Ordinal));
        Assert.Equal(1, view.UpToDate); // 2026-11-15: committed, and no version of the batch has rows there
        Assert.Equal((2, 3), (Of(run, "orders").Built, Of(run, "orders").Unchanged));
        Assert.Equal(before["2026-11-15"].OutputPath, (await CommittedAsync("orders"))["2026-11-15"].OutputPath);
        var downstreamAfter = await CommittedAsync("daily_orders");
        Assert.Equal(["2026-11-11", "2026-11-13"], downstreamAfter.Keys.Where(k => downstreamAfter[k].OutputHash != downstreamBefore[k].OutputHash).Order());
        Assert.Equal((2, 0), (Of(run, "daily_orders").Built, Of(run, "daily_orders").Unchanged));

        var rows = await ReadSourceAsync("orders", "order_id");
        Assert.Equal(22, rows.Count);
        Assert.Equal(
            [.. corrected.Select(o => ((long)o.Id, o.Amount)), (100L, 7m), (101L, 8m)],
            rows.Select(r => (Long(r["order_id"]), Decimal(r["amount"]))));
        Assert.Equal(0, rerun.PartitionsBuilt);
        Assert.True((await Lake.PlanAsync("shop")).NothingStale);
    }

    [Fact]
    public async Task CorrectedCopyWithoutADay_LeavesThatDayCommittedEmpty()
    {
        await Lake.LandAsync(Batch, ModePipelines.Orders((1, 10, 1m), (2, 11, 2m)));
        await Lake.RunAsync("shop");

        await Lake.LandAsync(Batch, ModePipelines.Orders((2, 11, 2m), (3, 12, 3m)));
        var run = await Lake.RunAsync("shop");

        var emptied = await Lake.PartitionAsync("orders", "2026-11-10");
        Assert.Equal(0, emptied!.Rows);
        Assert.Empty(await Lake.ReadAsync("orders", "2026-11-10"));
        Assert.Equal(["amount", "order_id", "ts"], DuckDbReader.Query($"DESCRIBE SELECT * FROM read_parquet({DuckDbReader.Quote(await Lake.DownloadAsync(LakeContainers.Load, emptied.OutputPath))})").Select(r => (string)r["column_name"]!).Order());
        Assert.Equal([2L, 3L], (await ReadSourceAsync("orders", "order_id")).Select(r => Long(r["order_id"])));
        Assert.Equal((2, 1), (Of(run, "orders").Built, Of(run, "orders").Unchanged));
        Assert.Equal(0L, Long((await Lake.ReadAsync("daily_orders", "2026-11-10")).Single()["orders"]));
    }

    [Fact]
    public async Task FileUnderAnotherName_AddsRows_AndACopyThatCannotBeReadReplacesNothing()
    {
        await Lake.LandAsync(Batch, ModePipelines.Orders((1, 10, 1m)));
        await Lake.LandAsync("shop/orders/again.csv", ModePipelines.Orders((2, 10, 2m)));
        await Lake.RunAsync("shop");

        // The partition column is missing: the file is quarantined as a file, and the rows it was meant to replace stay.
        await Lake.LandAsync(Batch, "order_id,amount\n1,5.00\n");
        var run = await Lake.RunAsync("shop");

        Assert.Equal(0, run.PartitionsBuilt);
        Assert.Equal([1L, 2L], (await ReadSourceAsync("orders", "order_id")).Select(r => Long(r["order_id"])));
    }

    [Theory]
    [InlineData(WorkflowNames.PlanLoad, 1)]
    [InlineData(WorkflowNames.BuildLoadPartition, 1)]
    [InlineData(WorkflowNames.BuildLoadPartition, 3)]
    [InlineData(WorkflowNames.BuildLoadPartitions, 1)]
    public async Task RunStoppedAfterAReplace_WhenRerun_EndsExactlyAsAnUninterruptedRun(string stopAfter, int count)
    {
        if (stopAfter == WorkflowNames.BuildLoadPartition)
        {
            // Stopping between one-partition builds needs one activity per partition; the default builds them in one call.
            await Lake.ReopenAsync(new Dictionary<string, string?> { ["Strata:Workflow:PartitionsPerActivity"] = "1" });
        }

        await Lake.LandAsync(Batch, ModePipelines.Orders(Original));
        await Lake.RunAsync("shop");
        (int Id, int Day, decimal Amount)[] corrected = [.. Original.Where(o => o.Day != 10).Select(o => o.Day == 12 ? o with { Amount = o.Amount + 1 } : o), (50, 16, 50m)];
        await Lake.LandAsync(Batch, ModePipelines.Orders(corrected));
        using var stop = new CancellationTokenSource();
        var seen = 0;
        Lake.Host.ActivityCompleted += name =>
        {
            if (name == stopAfter && Interlocked.Increment(ref seen) == count)
            {
                stop.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Lake.RunAsync("shop", ct: stop.Token));
        await Lake.RunAsync("shop");

        var rows = await ReadSourceAsync("orders", "order_id");
        Assert.Equal(corrected.Select(o => ((long)o.Id, o.Amount)), rows.Select(r => (Long(r["order_id"]), Decimal(r["amount"]))));
        Assert.Equal(0, (await Lake.PartitionAsync("orders", "2026-11-10"))!.Rows);
        Assert.Equal(0, (await Lake.RunAsync("shop")).PartitionsBuilt);
    }

    [Fact]
    public async Task ChangingTheMode_IsALoadSpecChange_ThatRebuildsTheSource()
    {
        await Lake.LandAsync(Batch, ModePipelines.Orders((1, 10, 1m)));
        await Lake.RunAsync("shop");

        PipelineFolder.Write("shop", ModePipelines.Replace.Replace("mode: replace", "mode: append", StringComparison.Ordinal), ("sql/daily_orders.sql", ModePipelines.DailyOrdersSql));
        await Lake.ReopenAsync();
        var plan = await Lake.PlanAsync("shop");

        Assert.Equal(StaleReason.LoadSpecChanged, plan.Datasets.Single(d => d.Dataset == "orders").Partitions.Single().Reason);
    }
}
