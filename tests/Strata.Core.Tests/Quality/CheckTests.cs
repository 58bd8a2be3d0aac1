using System.Globalization;
using Strata.Definitions;
using Strata.Quality;
using Strata.Testing;
using Strata.Views;
using Strata.Workflow.Contracts;

namespace Strata.Tests.Quality;

[Collection(AzuriteCollection.Name)]
public sealed class CheckTests(AzuriteFixture azurite) : QualityLakeTest(azurite)
{
    private const string NotNullAmount = """
            checks:
              - not_null: [amount]
        """;

    [Fact]
    public async Task EachCheckKind_PassesOnGoodData_AndFailsOnBadData()
    {
        // Freshness is measured against the clock when the check runs: the good day is an hour old, the bad one three days.
        var now = DateTimeOffset.UtcNow;
        var good = now.AddHours(-1);
        var bad = now.AddDays(-3);
        string Ts(DateTimeOffset t, int minute) => t.Date.AddMinutes(minute).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var fresh = good.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await RedefineAsync(Shop(orderChecks: """
                checks:
                  - row_count: { min: 2, max: 3 }
                    severity: warn
                  - unique: [order_id]
                    severity: warn
                  - not_null: [amount]
                    severity: warn
                  - accepted_values: { column: status, values: [new, paid] }
                    severity: warn
                  - freshness: { column: ts, max_age: 1d }
                    severity: warn
                  - name: no_big_orders
                    sql: SELECT * FROM orders WHERE amount > 1000
                    severity: warn
            """));
        await Lake.LandAsync("shop/orders/good.csv", Orders((1, fresh, "5", "new"), (2, fresh, "7", "paid")));
        await Lake.LandAsync("shop/orders/bad.csv", Orders((3, Ts(bad, 1), "", "lost"), (3, Ts(bad, 2), "5000", "new"), (4, Ts(bad, 3), "1", "new"), (5, Ts(bad, 4), "1", "new")));

        var run = await Lake.RunAsync("shop");

        var results = (await ChecksAsync("orders")).Results;
        var goodDay = good.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var badDay = bad.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string[] kinds = ["row_count", "unique_order_id", "not_null_amount", "accepted_values_status", "freshness_ts", "no_big_orders"];
        foreach (var check in kinds)
        {
            Assert.True(results.Single(r => r.Partition == goodDay && r.Check == check).Passed, $"{check} on the good day");
            var failed = results.Single(r => r.Partition == badDay && r.Check == check);
            Assert.False(failed.Passed, $"{check} on the bad day");
        }

        Assert.Equal(2, results.Single(r => r.Partition == badDay && r.Check == "unique_order_id").Offending);
        Assert.Equal(1, results.Single(r => r.Partition == badDay && r.Check == "no_big_orders").Offending);
        Assert.Contains("lost", results.Single(r => r.Partition == badDay && r.Check == "accepted_values_status").Samples.Single(), StringComparison.Ordinal);
        var orders = run.Datasets.Single(d => d.Dataset == "orders");
        Assert.Equal(12, orders.ChecksRun);
        Assert.Equal(6, orders.ChecksFailed);
        Assert.Equal(0, orders.Held);
        Assert.Equal(2, run.Datasets.Single(d => d.Dataset == "sales").Built);
        var assertions = await Lake.Get<Strata.Lineage.OpenLineage.IQualityAssertions>().ForStepAsync(run.RunId, "orders", CancellationToken.None);
        Assert.Equal(kinds.Order(StringComparer.Ordinal), assertions.Select(a => a.Assertion).Order(StringComparer.Ordinal));
        Assert.All(assertions, a => Assert.False(a.Success));
        Assert.Equal(2, assertions.Single(a => a.Assertion == "unique_order_id").Failures);
    }

    [Fact]
    public async Task ErrorCheck_HoldsThePartition_BlocksExactlyItsDownstream_UntilAccepted()
    {
        await RedefineAsync(Shop(orderChecks: NotNullAmount));
        await Lake.LandAsync("shop/orders/a.csv", Orders((1, "2026-11-20T10:00:00Z", "5", "new"), (2, "2026-11-21T10:00:00Z", "", "new")));

        var first = await Lake.RunAsync("shop");
        var plan = await Lake.PlanAsync("shop");

        Assert.Equal(1, first.Datasets.Single(d => d.Dataset == "orders").Held);
        Assert.Equal(1, first.PartitionsHeld);
        Assert.NotNull(await Lake.PartitionAsync("orders", "2026-11-21"));
        Assert.NotNull(await Lake.PartitionAsync("sales", "2026-11-20"));
        Assert.Null(await Lake.PartitionAsync("sales", "2026-11-21"));
        Assert.Equal(["2026-11-21: blocked by not_null_amount on orders/2026-11-21"], first.Datasets.Single(d => d.Dataset == "sales").Blocked);
        var blocked = Assert.Single(plan.Datasets.Single(d => d.Dataset == "sales").Partitions);
        Assert.Equal((StaleReason.Blocked, "blocked by not_null_amount on orders/2026-11-21"), (blocked.Reason, blocked.Detail));
        Assert.True(plan.NothingStale, "a partition blocked by a held input is not one a run would build");
        Assert.Equal((0, 1), (plan.Datasets.Single(d => d.Dataset == "sales").Stale, plan.Datasets.Single(d => d.Dataset == "sales").Blocked));
        Assert.DoesNotContain(plan.Datasets.Single(d => d.Dataset == "daily").Partitions, p => p.Partition == "2026-11-21");
        var graph = await Lake.Get<GraphViews>().GraphAsync(Lake.Get<PipelineCatalog>().Get("shop"), CancellationToken.None);
        Assert.Equal((NodeState.Held, 1), graph.Nodes.Where(n => n.Name == "orders").Select(n => (n.State, n.Held)).Single());
        var overview = await Lake.Get<DatasetViews>().DatasetAsync(Lake.Get<PipelineCatalog>().Get("shop"), "orders", CancellationToken.None);
        Assert.Equal([new HeldPartition("2026-11-21", "not_null_amount")], overview.Held);

        var accepted = await Lake.Get<ChecksApi>().AcceptAsync("orders", "2026-11-21", "not_null_amount", "ana", "refund rows have no amount", CancellationToken.None);
        var second = await Lake.RunAsync("shop");

        Assert.Equal("ana", accepted.Acceptance!.By);
        Assert.Equal(0, second.PartitionsHeld);
        Assert.Equal(1, second.Datasets.Single(d => d.Dataset == "sales").Built);
        Assert.Equal(1, second.Datasets.Single(d => d.Dataset == "daily").Built);
        Assert.Empty(second.Datasets.Single(d => d.Dataset == "sales").Blocked);
        Assert.Empty((await ChecksAsync("sales")).Blocked);
    }

    [Fact]
    public async Task HeldPartition_FixedByACorrectedFile_ReleasesDownstream_AndANewFailureHoldsAgain()
    {
        await RedefineAsync(Shop(orderChecks: NotNullAmount));
        await Lake.LandAsync("shop/orders/a.csv", Orders((1, "2026-11-20T10:00:00Z", "", "new")));
        await Lake.RunAsync("shop");
        await Lake.Get<ChecksApi>().AcceptAsync("orders", "2026-11-20", "not_null_amount", "ana", "known gap", CancellationToken.None);
        await Lake.RunAsync("shop");

        // A corrected re-send that is still bad: the acceptance was for the old rows, so it holds again.
        await Lake.LandAsync("shop/orders/a.csv", Orders((1, "2026-11-20T10:00:00Z", "", "paid")));
        var again = await Lake.RunAsync("shop");
        Assert.Equal(1, again.PartitionsHeld);
        Assert.Single(again.Datasets.Single(d => d.Dataset == "sales").Blocked);

        await Lake.LandAsync("shop/orders/a.csv", Orders((1, "2026-11-20T10:00:00Z", "9", "paid")));
        var fixedRun = await Lake.RunAsync("shop");

        Assert.Equal(0, fixedRun.PartitionsHeld);
        Assert.Equal(1, fixedRun.Datasets.Single(d => d.Dataset == "sales").Built);
        Assert.Equal(9.0, (await Lake.ReadAsync("sales", "2026-11-20")).Single()["amount"]);
    }

    [Fact]
    public async Task UnchangedCheckAndPartition_DoNotRunAgain_AChangedCheckRunsWithoutRebuilding()
    {
        await RedefineAsync(Shop(orderChecks: NotNullAmount));
        await Lake.LandAsync("shop/orders/a.csv", Orders((1, "2026-11-20T10:00:00Z", "5", "new"), (2, "2026-11-21T10:00:00Z", "6", "new")));
        var first = await Lake.RunAsync("shop");
        var rerun = await Lake.RunAsync("shop");

        await RedefineAsync(Shop(orderChecks: NotNullAmount.Replace("[amount]", "[amount, status]", StringComparison.Ordinal)));
        var changed = await Lake.RunAsync("shop");

        Assert.Equal(2, first.Datasets.Single(d => d.Dataset == "orders").ChecksRun);
        Assert.Equal(0, rerun.Datasets.Single(d => d.Dataset == "orders").ChecksRun);
        var orders = changed.Datasets.Single(d => d.Dataset == "orders");
        Assert.Equal((0, 2), (orders.Built, orders.ChecksRun));
        var results = (await ChecksAsync("orders")).Results;
        Assert.Equal(["not_null_amount_status", "not_null_amount_status"], results.Select(r => r.Check));
    }
}
