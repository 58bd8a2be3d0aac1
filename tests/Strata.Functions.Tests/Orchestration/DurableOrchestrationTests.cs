using System.Text.Json;
using Microsoft.DurableTask.Client;
using Strata.Functions.Tests.TestSupport;
using Strata.Runs;
using Strata.Testing;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Tests.Orchestration;

/// <summary>
/// The Functions app's orchestrators and activities (its own classes) on the real Durable worker:
/// what they commit must be what the local host commits for the same drops.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurableOrchestrationTests(AzuriteFixture azurite) : DurableSampleTest(azurite)
{
    [Fact]
    public async Task SampleWaves_WithBatchSizeTwo_UseSubOrchestrations_AndCommitWhatTheLocalHostCommits()
    {
        // Two calls of two partitions per history: the sample's six-day sources need sub-orchestrations of many-partition calls.
        await using var lakes = await TwinLakes.CreateAsync(Azurite, batchSize: 2, partitionsPerActivity: 2);
        await using var durable = await DurableLake.StartAsync(lakes.Durable);

        foreach (var wave in SampleWaves.Waves)
        {
            await lakes.DropAsync(wave);
            var instance = await durable.RunAsync(new RunRequest(SampleWaves.Pipeline, Trigger: "http"));

            Assert.True(instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{wave}: {instance.RuntimeStatus} {instance.FailureDetails}");
            Assert.Equal(RunStatus.Completed, instance.ReadOutputAs<RunSummary>()!.Status);
            await lakes.AssertDurableCommittedWhatLocalCommitsAsync();
        }

        Assert.Contains($"orchestrator {WorkflowNames.BuildBatch}", durable.Runs);
        Assert.Contains($"orchestrator {WorkflowNames.ParseBatch}", durable.Runs);
        Assert.NotEmpty(await SampleWaves.CommittedAsync(lakes.Durable));
    }

    [Fact]
    public async Task StartDuringARun_MarksThePipelineDirty_AndTheOrchestrationContinuesAsNewWithTheNewData()
    {
        var (lake, durable) = (Lake, Durable);
        await SampleWaves.DropAsync(lake, SampleWaves.Waves[0]);
        var duringRun = new TaskCompletionSource<Strata.Api.RunLaunch>(TaskCreationOptions.RunContinuationsAsynchronously);
        var once = 0;
        durable.Started += line =>
        {
            if (line == $"activity {WorkflowNames.PlanLoad}" && Interlocked.Exchange(ref once, 1) == 0)
            {
                // A producer drops the second wave while the first run is past its landing sweep.
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await SampleWaves.DropAsync(lake, SampleWaves.Waves[1]);
                        duringRun.SetResult(await durable.Launcher.StartAsync(new RunRequest(SampleWaves.Pipeline, Trigger: "landing"), CancellationToken.None));
                    }
                    catch (Exception e)
                    {
                        duringRun.SetException(e);
                    }
                });
            }
        };

        var first = await durable.Launcher.StartAsync(new RunRequest(SampleWaves.Pipeline, Trigger: "http"), CancellationToken.None);
        var second = await duringRun.Task;
        var instance = await durable.WaitAsync(first.InstanceId);

        Assert.True(first.Started);
        Assert.False(second.Started);
        Assert.Equal(first.InstanceId, second.InstanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        var last = instance.ReadOutputAs<RunSummary>()!;
        Assert.Equal("sweepstakes-000002", last.RunId);
        Assert.Equal(2, last.Landing.Landed);
        var state = await lake.Get<PipelineStateStore>().GetAsync(SampleWaves.Pipeline, CancellationToken.None);
        Assert.Equal(2, state.RunCounter);
        Assert.False(state.Dirty);
        Assert.Null(state.ActiveRunId);
        var runs = await lake.Get<RunStore>().RecentAsync(SampleWaves.Pipeline, 5, CancellationToken.None);
        Assert.Equal(["sweepstakes-000002", "sweepstakes-000001"], runs.Select(r => r.RunId));
        Assert.All(runs, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.NotNull(await lake.PartitionAsync("entries_web", "2026-11-19"));
        using var status = JsonDocument.Parse(instance.SerializedCustomStatus!);
        Assert.Equal("done", status.RootElement.GetProperty("layer").GetString());
    }
}
