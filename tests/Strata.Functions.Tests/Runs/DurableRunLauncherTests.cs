using Microsoft.DurableTask.Client;
using Strata.Functions.Tests.TestSupport;
using Strata.Runs;
using Strata.Testing;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Tests.Runs;

/// <summary>Starting a pipeline's run is one atomic request to Durable: runs never overlap, and no start is lost.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurableRunLauncherTests(AzuriteFixture azurite) : DurableSampleTest(azurite)
{
    [Fact]
    public async Task TwoStartsAtOnce_StartExactlyOneExecution_AndTheOtherMarksThePipelineDirty()
    {
        var (lake, durable) = (Lake, Durable);
        await SampleWaves.DropAsync(lake, SampleWaves.Waves[0]);
        using var go = new ManualResetEventSlim();

        var starts = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            go.Wait();
            return await durable.Launcher.StartAsync(new RunRequest(SampleWaves.Pipeline, Trigger: "landing"), CancellationToken.None);
        })).ToList();
        go.Set();
        var launches = await Task.WhenAll(starts);
        var instance = await durable.WaitAsync(launches[0].InstanceId);

        Assert.Single(launches, l => l.Started);
        Assert.Equal(launches[0].InstanceId, launches[1].InstanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        var state = await lake.Get<PipelineStateStore>().GetAsync(SampleWaves.Pipeline, CancellationToken.None);
        var runs = await lake.Get<RunStore>().RecentAsync(SampleWaves.Pipeline, 5, CancellationToken.None);

        // The losing start marked the pipeline dirty: either before the winner's StartRun (which takes
        // the flag over: its sweep covers everything landed) or during the run (which then continued
        // as new). Either way every run ended, one after the other, and nothing is left dirty or active.
        Assert.InRange(state.RunCounter, 1, 2);
        Assert.Equal(state.RunCounter, runs.Count);
        Assert.All(runs, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.False(state.Dirty);
        Assert.Null(state.ActiveRunId);
        Assert.Equal(runs.Count, durable.Runs.Count(r => r == "activity StartRun"));
    }

    [Fact]
    public async Task StartAfterARunEnded_StartsTheInstanceAfreshUnderTheSameId()
    {
        var (lake, durable) = (Lake, Durable);
        await SampleWaves.DropAsync(lake, SampleWaves.Waves[2]);
        var first = await durable.RunAsync(new RunRequest(SampleWaves.Pipeline));

        var again = await durable.Launcher.StartAsync(new RunRequest(SampleWaves.Pipeline, Force: true), CancellationToken.None);
        var second = await durable.WaitAsync(again.InstanceId);

        Assert.True(again.Started);
        Assert.Equal(first.InstanceId, second.InstanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, second.RuntimeStatus);
        Assert.Equal("sweepstakes-000002", second.ReadOutputAs<RunSummary>()!.RunId);
        Assert.True(second.ReadOutputAs<RunSummary>()!.PartitionsBuilt + second.ReadOutputAs<RunSummary>()!.Datasets.Sum(d => d.Unchanged) > 0);
    }
}
