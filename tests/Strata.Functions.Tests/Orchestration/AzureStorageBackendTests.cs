using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Strata.Functions.Runs;
using Strata.Functions.Tests.TestSupport;
using Strata.Functions.TestWorker;
using Strata.Runs;
using Strata.Testing;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Tests.Orchestration;

/// <summary>
/// The production backend: the Durable Task Framework's Azure Storage provider on Azurite, one task
/// hub shared by two worker processes running the app's orchestrators and activities, as two
/// Functions instances share it in Azure.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureStorageBackendTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TwoWorkerProcesses_ShareATaskHub_AndWhenOneIsKilledMidRunTheOtherFinishesIt_WithTheLakeALocalRunMakes()
    {
        await using var lakes = await TwinLakes.CreateAsync(azurite, batchSize: 2, partitionsPerActivity: 2);
        var lake = lakes.Durable;
        var hub = "hub" + lake.Namespace;
        var backend = AzureStorageBackend.Create(azurite.ConnectionString, hub, "tests");
        await backend.CreateIfNotExistsAsync();
        try
        {
            await using var api = await GrpcSidecar.StartAsync(backend, backend, TaskHubGrpcServerMode.ApiServerOnly, CancellationToken.None);
            using var channel = GrpcChannel.ForAddress(api.Address);
            await using var clients = new ServiceCollection()
                .AddLogging()
                .Configure<DurableTaskClientOptions>(options => options.DataConverter = new JsonDataConverter(StrataJson.Options))
                .AddDurableTaskClient(builder => builder.UseGrpc(channel))
                .BuildServiceProvider();
            var client = clients.GetRequiredService<DurableTaskClient>();
            var launcher = new DurableRunLauncher(client, lake.Get<PipelineStateStore>());
            await using var first = await TestWorkerProcess.StartAsync(lake.Settings, hub);
            await using var second = await TestWorkerProcess.StartAsync(lake.Settings, hub);

            // One run, both workers on the hub.
            await lakes.DropAsync(SampleWaves.Waves[0]);
            var run = await launcher.StartAsync(new RunRequest(SampleWaves.Pipeline, Trigger: "http"), CancellationToken.None);
            var completed = await WaitAsync(client, run.InstanceId, first, second);

            Assert.True(completed.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{completed.RuntimeStatus} {completed.FailureDetails}");
            Assert.Contains(first.Runs, line => line.StartsWith("activity ", StringComparison.Ordinal));
            Assert.Contains(second.Runs, line => line.StartsWith("activity ", StringComparison.Ordinal));
            Assert.Contains($"orchestrator {WorkflowNames.BuildBatch}", first.Runs.Concat(second.Runs));
            await lakes.AssertDurableCommittedWhatLocalCommitsAsync();

            // The next run: the worker running the pipeline's orchestration dies once its load has begun.
            await lakes.DropAsync(SampleWaves.Waves[1]);
            var (before1, before2) = (first.Runs.Count, second.Runs.Count);
            var loading = new TaskCompletionSource<TestWorkerProcess>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var watch = new CancellationTokenSource();
            _ = WatchAsync();
            run = await launcher.StartAsync(new RunRequest(SampleWaves.Pipeline, Trigger: "landing"), CancellationToken.None);
            var victim = await loading.Task.WaitAsync(TimeSpan.FromMinutes(2));
            victim.Kill();
            var survivor = victim == first ? second : first;
            var survivorBefore = survivor == first ? before1 : before2;
            completed = await WaitAsync(client, run.InstanceId, survivor);

            Assert.True(run.Started);
            Assert.True(completed.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{completed.RuntimeStatus} {completed.FailureDetails}");
            Assert.Equal("sweepstakes-000002", completed.ReadOutputAs<RunSummary>()!.RunId);
            Assert.Contains($"orchestrator {WorkflowNames.RunPipeline}", survivor.Runs.Skip(survivorBefore));
            await lakes.AssertDurableCommittedWhatLocalCommitsAsync();
            var runs = await lake.Get<RunStore>().RecentAsync(SampleWaves.Pipeline, 5, CancellationToken.None);
            Assert.All(runs, r => Assert.Equal(RunStatus.Completed, r.Status));
            await watch.CancelAsync();

            async Task WatchAsync()
            {
                // The orchestration's owner is the worker whose newest episode is RunPipeline's; once a
                // parse or partition build of this run has started anywhere, the run is in its load.
                while (!watch.IsCancellationRequested)
                {
                    var newer = first.Runs.Skip(before1).Concat(second.Runs.Skip(before2)).ToList();
                    if (newer.Any(l => l is "activity ParseRawBlob" or "activity BuildLoadPartition" or "activity BuildLoadPartitions"))
                    {
                        loading.TrySetResult(LastToRun(first, before1, second, before2));
                        return;
                    }

                    await Task.Delay(20);
                }
            }
        }
        finally
        {
            await backend.DeleteAsync();
        }
    }

    private static TestWorkerProcess LastToRun(TestWorkerProcess first, int before1, TestWorkerProcess second, int before2)
    {
        var owner = $"orchestrator {WorkflowNames.RunPipeline}";
        return first.Runs.Skip(before1).Contains(owner) ? first : second.Runs.Skip(before2).Contains(owner) ? second : first;
    }

    private static async Task<OrchestrationMetadata> WaitAsync(DurableTaskClient client, string instanceId, params TestWorkerProcess[] workers)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            throw new TimeoutException($"{instanceId} did not finish: {state?.RuntimeStatus} {state?.SerializedCustomStatus}\n{string.Join("\n---\n", workers.Select(w => w.Errors))}");
        }
    }
}
