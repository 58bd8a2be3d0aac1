using Strata.Testing;

namespace Strata.Tests.Modes;

/// <summary>A partition left with no rows is committed empty in any mode, never failed.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EmptyPartitionTests(AzuriteFixture azurite) : ModeLakeTest(azurite, Appending)
{
    private const string Appending = """
        sources:
          orders:
            landing: shop/orders/
            format: csv
            partition: { column: ts, grain: day, key: order_date }
        """;

    [Fact]
    public async Task LoadSpecChangeThatMovesEveryRow_CommitsTheOldPartitionsEmpty()
    {
        await Lake.LandAsync("shop/orders/a.csv", ModePipelines.Orders((1, 10, 1m), (2, 11, 2m)));
        await Lake.RunAsync("shop");

        PipelineFolder.Write("shop", Appending.Replace("grain: day", "grain: month", StringComparison.Ordinal));
        await Lake.ReopenAsync();
        var run = await Lake.RunAsync("shop");

        Assert.Equal(0, run.PartitionsFailed);
        Assert.Equal(3, Of(run, "orders").Built);
        var committed = await CommittedAsync("orders");
        Assert.Equal([("2026-11", 2L), ("2026-11-10", 0L), ("2026-11-11", 0L)], committed.Values.OrderBy(p => p.Partition, StringComparer.Ordinal).Select(p => (p.Partition, p.Rows)));
        Assert.Equal([1L, 2L], (await ReadSourceAsync("orders", "order_id")).Select(r => Long(r["order_id"])));
    }
}
