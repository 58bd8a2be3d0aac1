using Strata.Testing;
using Strata.Tests.Transform;
using Strata.Workflow;
using Strata.Workflow.Contracts;
using Strata.Workflow.Local;

namespace Strata.Tests.Workflow;

/// <summary>
/// The replay property Durable relies on: run the workflow for real, then run it again against
/// the recorded results, and it must make the identical sequence of calls.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeterminismTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(3, 1)]
    [InlineData(1, 2)]
    public async Task Workflow_ReplayedAgainstRecordedResults_MakesTheIdenticalSequenceOfCalls(int batchSize, int perActivity)
    {
        using var pipelines = new TestPipelines();
        pipelines.Write("clickstream", Clickstream.Yaml, Clickstream.Files());
        await using var lake = await TestLake.CreateAsync(azurite, pipelines.Root, new Dictionary<string, string?>
        {
            ["Strata:Workflow:BatchSize"] = $"{batchSize}",
            ["Strata:Workflow:PartitionsPerActivity"] = $"{perActivity}",
        });
        await lake.LandAsync("clicks/a.csv", Clickstream.Clicks(1, 2, 1, 2, 3, 4, 5));
        await lake.LandAsync("users/u.csv", Clickstream.Users);
        var history = new WorkflowHistory();
        lake.Host.History = history;
        var live = await lake.RunAsync("clickstream");

        var first = new ReplayContext(history);
        var firstRun = PipelineWorkflow.RunAsync(first, new RunRequest("clickstream", WaitForLease: true));
        first.DeliverAll();
        var replayed = await firstRun;
        var second = new ReplayContext(history);
        var secondRun = PipelineWorkflow.RunAsync(second, new RunRequest("clickstream", WaitForLease: true));
        second.DeliverAll();
        await secondRun;

        Assert.True(first.Mismatches.Count == 0, string.Join("\n", first.Mismatches.Take(2)));
        Assert.Empty(second.Mismatches);
        Assert.Equal(history.Calls.Count, first.Calls.Count);
        Assert.Equal(first.Calls.Select(c => (c.Name, c.InputJson)), second.Calls.Select(c => (c.Name, c.InputJson)));
        Assert.Contains(history.Calls, c => c.Name == WorkflowNames.BuildBatch);
        Assert.Equal(live.PartitionsBuilt, replayed.PartitionsBuilt);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(live, StrataJson.Options), System.Text.Json.JsonSerializer.Serialize(replayed, StrataJson.Options));
    }

    [Fact]
    public void ActivityContracts_RoundTripThroughSystemTextJson()
    {
        object[] samples =
        [
            new RunRequest("p", true, ["a"], "2026-01-01", "2026-01-31", "http"),
            new RunStarted("p-000001", 1, "p", DateTimeOffset.UnixEpoch, ["s"], [new DatasetStep("d", "integrate", ["s"])], 500, ActivityRetry.Default),
            new RunStarted("p-000001", 1, "p", DateTimeOffset.UnixEpoch, ["s"], [], 500, ActivityRetry.Default) { PartitionsPerActivity = 100 },
            new ParsePlan("s", "abc", "ab", 3, [new RawBlobRef("00ff", "s/x.csv", 3, new DateOnly(2026, 11, 20))], [], true),
            new DatasetPlan("d", "integrate", "h", new Dictionary<string, long> { ["s"] = 2 }, [new PlanItem("2026-11-20", "f", StaleReason.InputChanged, "s/2026-11-20 changed")], 4, ["drift"], "sql"),
            new ParseBatchInput("p-000001", "s", "ab", [new RawBlobRef("00ff", "s/x.csv", 3, new DateOnly(2026, 11, 20))], ActivityRetry.Default),
            new BuildInput("p-000001", 1, "d", "2026-11-20", "f", false),
            new BuildResult("2026-11-20", BuildOutcome.Unchanged, 10, 10, "h", null) { Bytes = 2048 },
            new BuildBatchInput(WorkflowNames.BuildDatasetPartition, "p-000001", 1, "d", false, [new PlanItem("k", "f", StaleReason.Forced, "forced")], ActivityRetry.Default),
            new BuildBatchInput(WorkflowNames.BuildDatasetPartition, "p-000001", 1, "d", false, [new PlanItem("k", "f", StaleReason.Forced, "forced")], ActivityRetry.Default) { PartitionsPerActivity = 100 },
            new BuildPartitionsInput("p-000001", 1, "d", [new PlanItem("k", "f", StaleReason.Forced, "forced")], false),
            new CompleteDatasetInput("p-000001", 1, "d", "h", "sql", new Dictionary<string, long> { ["s"] = 1 }, true, [new PartitionFailure("k", "f", "boom")], new StepOutput(2, 1, 10, 2048, "2026-11-20")),
        ];

        foreach (var sample in samples)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(sample, sample.GetType(), StrataJson.Options);
            var back = System.Text.Json.JsonSerializer.Deserialize(json, sample.GetType(), StrataJson.Options);
            Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(back, sample.GetType(), StrataJson.Options));
        }
    }
}
