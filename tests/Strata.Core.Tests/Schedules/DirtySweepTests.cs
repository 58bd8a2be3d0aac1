using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Strata.Api;
using Strata.Definitions;
using Strata.Runs;
using Strata.Schedules;
using Strata.Testing;
using Strata.Tests.Workflow;

namespace Strata.Tests.Schedules;

/// <summary>
/// A pipeline left dirty with nothing running (a landing that arrived as the last run was ending)
/// is started by the sweep through the real local launcher, and its run loads the waiting data.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DirtySweepTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task DirtyPipelineNothingRuns_IsStartedBySweep_AndTheRunLoadsWhatWasWaiting()
    {
        using var pipelines = new TestPipelines();
        pipelines.Write("shop", Pipelines.Shop);
        await using var lake = await TestLake.CreateAsync(azurite, pipelines.Root);
        await lake.LandAsync("shop/orders/a.csv", Pipelines.Orders((1, "2026-11-20T10:00:00Z", "a@x.com", "1")));
        await lake.RunAsync("shop");
        await lake.LandAsync("shop/orders/late.csv", Pipelines.Orders((2, "2026-11-21T10:00:00Z", "b@x.com", "2")));
        var states = lake.Get<PipelineStateStore>();
        await states.MarkDirtyAsync("shop", CancellationToken.None);
        var sweep = new ScheduleSweep(lake.Get<PipelineCatalog>(), lake.Get<ScheduleStore>(), states, Options.Create(new ScheduleOptions()), TimeProvider.System, NullLogger<ScheduleSweep>.Instance);
        var launcher = lake.Get<IRunLauncher>();

        var first = await sweep.RunAsync(launcher, CancellationToken.None);
        await lake.Host.WaitAsync(Assert.Single(first).InstanceId!);
        var second = await sweep.RunAsync(launcher, CancellationToken.None);

        Assert.Equal(("shop", "sweep", true), (first[0].Pipeline, first[0].Trigger, first[0].Started));
        Assert.Empty(second);
        Assert.NotNull(await lake.PartitionAsync("orders", "2026-11-21"));
        var run = (await lake.Get<RunStore>().RecentAsync("shop", 1, CancellationToken.None)).Single();
        Assert.Equal(("shop-000002", "sweep", RunStatus.Completed), (run.RunId, run.Trigger, run.Status));
        var state = await states.GetAsync("shop", CancellationToken.None);
        Assert.False(state.Dirty);
        Assert.Null(state.ActiveRunId);
    }
}
