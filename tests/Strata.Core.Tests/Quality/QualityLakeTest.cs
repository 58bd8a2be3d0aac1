using Strata.Quality;
using Strata.Testing;

namespace Strata.Tests.Quality;

/// <summary>
/// A fresh lake per test holding the <c>shop</c> pipeline: an <c>orders</c> source (CSV, by day,
/// <c>mode: replace</c> so a corrected file replaces its rows) with the checks a test gives, an
/// integrate <c>sales</c> over it with the expectations a test gives, and an action <c>daily</c> over sales.
/// </summary>
public abstract class QualityLakeTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected TestPipelines PipelineFolder { get; } = new();

    protected TestLake Lake { get; private set; } = null!;

    /// <summary>The pipeline with <paramref name="orderChecks"/> under orders and <paramref name="salesQuality"/> under sales (YAML, indented 4).</summary>
    protected static string Shop(string orderChecks = "", string salesQuality = "") => $"""
        sources:
          orders:
            landing: shop/orders/
            format: csv
            mode: replace
            partition: {"{"} column: ts, grain: day, key: order_date {"}"}
            schema:
              order_id: int64
              ts: timestamp
              amount: double
              status: string
        {orderChecks}
        datasets:
          sales:
            layer: integrate
            inputs:
              orders: identity
        {salesQuality}
          daily:
            layer: action
            inputs:
              sales: identity
        """;

    protected void Write(string yaml) => PipelineFolder.Write("shop", yaml,
        ("sql/sales.sql", "SELECT order_id, ts, amount, status FROM orders"),
        ("sql/daily.sql", "SELECT count(*) AS orders, sum(amount) AS total FROM sales"));

    protected static string Orders(params (int Id, string Ts, string Amount, string Status)[] rows) =>
        "order_id,ts,amount,status\n" + string.Concat(rows.Select(r => $"{r.Id},{r.Ts},{r.Amount},{r.Status}\n"));

    protected Task<DatasetChecks> ChecksAsync(string dataset) => Lake.Get<ChecksApi>().ListAsync(dataset, null, CancellationToken.None);

    public async Task InitializeAsync()
    {
        Write(Shop());
        Lake = await TestLake.CreateAsync(azurite, PipelineFolder.Root);
    }

    /// <summary>Rewrites the pipeline and reopens the lake's services over it.</summary>
    protected async Task RedefineAsync(string yaml)
    {
        Write(yaml);
        await Lake.ReopenAsync();
    }

    public async Task DisposeAsync()
    {
        await Lake.DisposeAsync();
        PipelineFolder.Dispose();
    }
}
