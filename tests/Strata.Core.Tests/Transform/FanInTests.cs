using System.Text;
using Strata.Testing;
using Strata.Workflow;
using Strata.Workflow.Contracts;
using Strata.Workflow.Local;

namespace Strata.Tests.Transform;

/// <summary>
/// An all-mapped reference input with 1,000 partitions downstream: a change to the reference
/// makes every one of them stale — the plan names all 1,000, exactly — and the fan-out goes
/// through sub-workflows of the configured batch size.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FanInTests(AzuriteFixture azurite)
{
    private const string Yaml = """
        sources:
          ticks:
            landing: ticks/
            partition: { column: ts, grain: day }
          users:
            landing: users/
            partition: none
        datasets:
          enriched:
            layer: integrate
            inputs:
              ticks: identity
              users: all
        """;

    [Fact]
    public async Task ReferenceChange_With1000DependentPartitions_PlansAndRebuildsEveryOne()
    {
        using var pipelines = new TestPipelines();
        pipelines.Write("fanin", Yaml, ("sql/enriched.sql", "SELECT t.id, t.ts, u.tier FROM ticks t LEFT JOIN users u USING (user_id)"));
        await using var lake = await TestLake.CreateAsync(azurite, pipelines.Root, new Dictionary<string, string?>
        {
            // 3 calls of 100 partitions per history: 1,000 partitions take 4 sub-orchestrations.
            ["Strata:Workflow:BatchSize"] = "3",
            ["Strata:Workflow:LocalParallelism"] = "4",
        });
        var csv = new StringBuilder("id,ts,user_id\n");
        var start = new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 1000; i++)
        {
            csv.Append(i).Append(',').Append(start.AddDays(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)).Append(",u").Append(i % 2).Append('\n');
        }

        await lake.LandAsync("ticks/all.csv", csv.ToString());
        await lake.LandAsync("users/v1.csv", "user_id,tier\nu0,gold\n");
        var first = await lake.RunAsync("fanin");
        Assert.Equal(1000, first.Datasets.Single(d => d.Dataset == "enriched").Built);
        Assert.True((await lake.PlanAsync("fanin")).NothingStale);

        await lake.LandAsync("users/v2.csv", "user_id,tier\nu1,silver\n");
        var plan = await lake.PlanAsync("fanin");
        lake.Host.History = new WorkflowHistory();
        var second = await lake.RunAsync("fanin");

        var stale = plan.Datasets.Single(d => d.Dataset == "enriched").Partitions;
        Assert.Equal(1000, stale.Count);
        Assert.Equal(1000, stale.Select(p => p.Partition).Distinct().Count());
        Assert.All(stale, p => Assert.Equal(StaleReason.UpstreamStale, p.Reason));
        var enriched = second.Datasets.Single(d => d.Dataset == "enriched");
        Assert.Equal(1000, enriched.Built + enriched.Unchanged);
        Assert.Equal(500, enriched.Built);
        Assert.Equal(4, lake.Host.History.Calls.Count(c => c.Name == WorkflowNames.BuildBatch));
        Assert.True((await lake.PlanAsync("fanin")).NothingStale);
    }
}
