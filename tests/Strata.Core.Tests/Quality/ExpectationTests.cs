using Strata.Quality;
using Strata.Status;
using Strata.Testing;
using Strata.Workflow.Contracts;

namespace Strata.Tests.Quality;

[Collection(AzuriteCollection.Name)]
public sealed class ExpectationTests(AzuriteFixture azurite) : QualityLakeTest(azurite)
{
    private const string Expectations = """
            expectations:
              - name: positive_amount
                sql: amount > 0
                action: quarantine
              - name: small_amount
                sql: amount < 1000
                action: warn
        """;

    [Fact]
    public async Task WarnAndQuarantine_CountRowsPerPartition_AndQuarantineWithTheExpectationsName()
    {
        await RedefineAsync(Shop(salesQuality: Expectations));
        await Lake.LandAsync("shop/orders/a.csv", Orders((1, "2026-11-20T10:00:00Z", "5", "new"), (2, "2026-11-20T11:00:00Z", "-1", "new"), (3, "2026-11-20T12:00:00Z", "2000", "paid"), (4, "2026-11-21T12:00:00Z", "7", "paid")));

        var run = await Lake.RunAsync("shop");

        Assert.Equal(0, run.PartitionsFailed);
        var kept = await Lake.ReadAsync("sales", "2026-11-20", "order_id");
        Assert.Equal([1L, 3L], kept.Select(r => (long)r["order_id"]!));
        var counts = (await ChecksAsync("sales")).Expectations.ToDictionary(e => e.Partition, e => e.Counts.ToDictionary(c => c.Name, c => c.NotMet));
        Assert.Equal(1, counts["2026-11-20"]["positive_amount"]);
        Assert.Equal(1, counts["2026-11-20"]["small_amount"]);
        Assert.Equal(0, counts["2026-11-21"]["positive_amount"]);
        var quarantined = (await Lake.Get<QuarantineReader>().ReadAsync("shop", null, 100, CancellationToken.None)).Records.Where(r => r.Source == "sales").ToList();
        var row = Assert.Single(quarantined);
        Assert.Equal("expectation positive_amount", row.Reason);
        Assert.Contains("\"order_id\":2", row.Raw, StringComparison.Ordinal);
        Assert.Equal(2, (await Lake.ReadAsync("daily", "2026-11-20")).Single()["orders"] is long n ? n : -1);
    }

    [Fact]
    public async Task ChangingAnExpectation_RebuildsItsDataset_AndReplaysTheRowsItQuarantined()
    {
        await RedefineAsync(Shop(salesQuality: Expectations));
        await Lake.LandAsync("shop/orders/a.csv", Orders((1, "2026-11-20T10:00:00Z", "5", "new"), (2, "2026-11-20T11:00:00Z", "-1", "new")));
        await Lake.RunAsync("shop");

        await RedefineAsync(Shop(salesQuality: Expectations.Replace("amount > 0", "amount > -10", StringComparison.Ordinal)));
        var plan = await Lake.PlanAsync("shop");
        var run = await Lake.RunAsync("shop");

        Assert.Equal(StaleReason.DefinitionChanged, plan.Datasets.Single(d => d.Dataset == "sales").Partitions.Single().Reason);
        Assert.Equal(0, run.Datasets.Single(d => d.Dataset == "orders").Built);
        Assert.Equal(1, run.Datasets.Single(d => d.Dataset == "sales").Built);
        Assert.Equal(2, (await Lake.ReadAsync("sales", "2026-11-20")).Count);
        Assert.Empty(await Lake.BlobsAsync("quarantine", ExpectationOutputs.QuarantinePrefix("sales")));
    }

    [Fact]
    public async Task SourceExpectations_QuarantineAndCountWhileLoading_KeepingTheSourcesTypes()
    {
        await RedefineAsync(Shop(orderChecks: """
                expectations:
                  - name: not_negative
                    sql: amount IS NULL OR amount >= 0
                    action: quarantine
                  - name: has_status
                    sql: status IS NOT NULL
            """));
        await Lake.LandAsync("shop/orders/a.csv", Orders((1, "2026-11-20T10:00:00Z", "5.5", "new"), (2, "2026-11-20T11:00:00Z", "-1", ""), (3, "2026-11-20T12:00:00Z", "", "")));

        var run = await Lake.RunAsync("shop");

        Assert.Equal(0, run.PartitionsFailed);
        var orders = await Lake.ReadAsync("orders", "2026-11-20", "order_id");
        Assert.Equal([1L, 3L], orders.Select(r => (long)r["order_id"]!));
        Assert.IsType<DateTime>(orders[0]["ts"]);
        Assert.Equal(5.5, orders[0]["amount"]);
        var counts = (await ChecksAsync("orders")).Expectations.Single().Counts.ToDictionary(c => c.Name, c => c.NotMet);
        Assert.Equal((1L, 2L), (counts["not_negative"], counts["has_status"]));
        var quarantined = (await Lake.Get<QuarantineReader>().ReadAsync("shop", null, 100, CancellationToken.None)).Records.Single(r => r.Source == "orders");
        Assert.Equal("expectation not_negative", quarantined.Reason);
        Assert.Equal(2, (await Lake.ReadAsync("sales", "2026-11-20")).Count);
    }

    [Fact]
    public async Task FailExpectation_FailsOnlyThePartitionWithOffendingRows()
    {
        await RedefineAsync(Shop(salesQuality: """
                expectations:
                  - name: known_status
                    sql: status IN ('new', 'paid')
                    action: fail
            """));
        await Lake.LandAsync("shop/orders/a.csv", Orders((1, "2026-11-20T10:00:00Z", "5", "new"), (2, "2026-11-21T11:00:00Z", "3", "bogus")));

        var run = await Lake.RunAsync("shop");

        var sales = run.Datasets.Single(d => d.Dataset == "sales");
        Assert.Equal(1, sales.Built);
        Assert.Equal(1, sales.Failed);
        Assert.Contains("2026-11-21", sales.Failures.Single(), StringComparison.Ordinal);
        Assert.Contains("expectation 'known_status'", sales.Failures.Single(), StringComparison.Ordinal);
        Assert.NotNull(await Lake.PartitionAsync("sales", "2026-11-20"));
        Assert.Null(await Lake.PartitionAsync("sales", "2026-11-21"));
    }
}
