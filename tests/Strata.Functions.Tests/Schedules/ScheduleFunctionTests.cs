using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Strata.Functions.Schedules;
using Strata.Functions.Tests.TestSupport;
using Strata.Runs;
using Strata.Schedules;
using Strata.Testing;

namespace Strata.Functions.Tests.Schedules;

/// <summary>The app's timer function, called as the host calls it, with its run started on the real Durable worker.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScheduleFunctionTests(AzuriteFixture azurite) : DurableSampleTest(azurite)
{
    [Fact]
    public async Task DirtyPipelineWithNoRun_IsStartedBySweep_AndItsLandingsLoad()
    {
        // Files dropped after a run ended, and the flag a landing during that run's last instant left set.
        await SampleWaves.DropAsync(Lake, SampleWaves.Waves[0]);
        await Lake.Get<PipelineStateStore>().MarkDirtyAsync(SampleWaves.Pipeline, CancellationToken.None);
        var function = new ScheduleFunction(Durable.Get<ScheduleSweep>(), Durable.Get<PipelineStateStore>());

        await function.RunAsync(new TimerInfo(), Durable.Client, CancellationToken.None);
        var instance = await Durable.WaitAsync(Workflow.InstanceIds.ForPipeline(SampleWaves.Pipeline));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        var run = Assert.Single(await Lake.Get<RunStore>().RecentAsync(SampleWaves.Pipeline, 5, CancellationToken.None));
        Assert.Equal("sweep", run.Trigger);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.NotEmpty(await SampleWaves.CommittedAsync(Lake));
        Assert.False((await Lake.Get<PipelineStateStore>().GetAsync(SampleWaves.Pipeline, CancellationToken.None)).Dirty);
    }

    [Fact]
    public async Task CleanPipelineWithoutSchedule_IsNotStarted()
    {
        var function = new ScheduleFunction(Durable.Get<ScheduleSweep>(), Durable.Get<PipelineStateStore>());

        await function.RunAsync(new TimerInfo(), Durable.Client, CancellationToken.None);

        Assert.Null(await Durable.Client.GetInstanceAsync(Workflow.InstanceIds.ForPipeline(SampleWaves.Pipeline)));
        Assert.Empty(await Lake.Get<RunStore>().RecentAsync(SampleWaves.Pipeline, 5, CancellationToken.None));
    }
}
