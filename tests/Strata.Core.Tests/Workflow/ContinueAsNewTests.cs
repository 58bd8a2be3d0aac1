using Strata.Runs;
using Strata.Testing;
using Strata.Workflow;
using Strata.Workflow.Contracts;
using Strata.Workflow.Local;

namespace Strata.Tests.Workflow;

/// <summary>Runs of one pipeline never overlap: a start during a run marks it dirty, and the run continues as new.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ContinueAsNewTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task StartDuringARun_MarksItDirty_AndTheRunContinuesAsNewWithTheNewData()
    {
        using var pipelines = new TestPipelines();
        pipelines.Write("shop", Pipelines.Shop);
        await using var lake = await TestLake.CreateAsync(azurite, pipelines.Root);
        await lake.LandAsync("shop/orders/first.csv", Pipelines.Orders((1, "2026-11-20T10:00:00Z", "a@x.com", "1")));
        var landedDuringRun = new TaskCompletionSource<(string Id, bool Started)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var once = 0;
        lake.Host.ActivityCompleted += name =>
        {
            if (name == WorkflowNames.PlanLoad && Interlocked.Exchange(ref once, 1) == 0)
            {
                // A producer drops a file while the first run is past planning: its data is not in this run.
                _ = Task.Run(async () =>
                {
                    await lake.LandAsync("shop/orders/second.csv", Pipelines.Orders((2, "2026-11-21T10:00:00Z", "b@x.com", "2")));
                    landedDuringRun.SetResult(await lake.Host.StartAsync(new RunRequest("shop", Trigger: "landing"), CancellationToken.None));
                });
            }
        };

        var (id, started) = await lake.Host.StartAsync(new RunRequest("shop"), CancellationToken.None);
        var second = await landedDuringRun.Task;
        await lake.Host.WaitAsync(id);

        Assert.True(started);
        Assert.Equal(id, second.Id);
        Assert.False(second.Started);
        Assert.Equal(InstanceStatus.Completed, lake.Host.Get(id)!.Status);
        var state = await lake.Get<PipelineStateStore>().GetAsync("shop", CancellationToken.None);
        Assert.Equal(2, state.RunCounter);
        Assert.False(state.Dirty);
        Assert.Null(state.ActiveRunId);
        var last = (RunSummary)lake.Host.Get(id)!.Output!;
        Assert.Equal("shop-000002", last.RunId);
        Assert.Equal(1, last.Datasets.Single(d => d.Dataset == "orders").Built);
        Assert.NotNull(await lake.PartitionAsync("orders", "2026-11-21"));
        var runs = await lake.Get<RunStore>().RecentAsync("shop", 5, CancellationToken.None);
        Assert.Equal(["shop-000002", "shop-000001"], runs.Select(r => r.RunId));
        Assert.All(runs, r => Assert.Equal(RunStatus.Completed, r.Status));
    }
}
