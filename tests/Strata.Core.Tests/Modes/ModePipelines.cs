using System.Globalization;

namespace Strata.Tests.Modes;

/// <summary>One pipeline per source mode, and the files their tests land.</summary>
internal static class ModePipelines
{
    /// <summary><c>orders</c> (replace, CSV, by day of <c>ts</c>) and <c>daily_orders</c>, an integrate dataset over it (identity).</summary>
    public const string Replace = """
        sources:
          orders:
            landing: shop/orders/
            format: csv
            mode: replace
            partition: { column: ts, grain: day, key: order_date }
        datasets:
          daily_orders:
            layer: integrate
            inputs:
              orders: identity
        """;

    public const string DailyOrdersSql = "SELECT count(*) AS orders, sum(amount) AS amount FROM orders";

    /// <summary><c>stock</c> (snapshot, CSV, by <c>day</c>).</summary>
    public const string Snapshot = """
        sources:
          stock:
            landing: shop/stock/
            format: csv
            mode: snapshot
            partition: { column: day, grain: day }
        """;

    /// <summary><c>customers</c> (upsert on <c>customer_id</c> by <c>version</c>, <c>op = D</c> deletes, by month of <c>created</c>).</summary>
    public const string Upsert = """
        sources:
          customers:
            landing: shop/customers/
            format: csv
            mode: upsert
            key: customer_id
            sequence: version
            delete_marker: { column: op, value: D }
            partition: { column: created, grain: month }
        """;

    /// <summary>An orders CSV: ids with their day in November 2026 and amount.</summary>
    public static string Orders(params (int Id, int Day, decimal Amount)[] rows) =>
        "order_id,ts,amount\n" + string.Concat(rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Id},2026-11-{r.Day:D2}T09:00:00Z,{r.Amount:0.00}\n")));

    /// <summary>A stock snapshot CSV: (day in November 2026, sku, quantity).</summary>
    public static string Stock(params (int Day, string Sku, int Qty)[] rows) =>
        "day,sku,qty\n" + string.Concat(rows.Select(r => $"2026-11-{r.Day:D2},{r.Sku},{r.Qty}\n"));

    /// <summary>A customers CSV: (id, version, name, op), all created on 2026-11-01.</summary>
    public static string Customers(params (int Id, int Version, string Name, string Op)[] rows) =>
        "customer_id,created,version,name,op\n" + string.Concat(rows.Select(r => $"{r.Id},2026-11-01,{r.Version},{r.Name},{r.Op}\n"));
}
