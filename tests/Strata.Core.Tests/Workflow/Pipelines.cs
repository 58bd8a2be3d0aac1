namespace Strata.Tests.Workflow;

/// <summary>Small pipeline definitions the workflow tests share.</summary>
internal static class Pipelines
{
    /// <summary>Two sources: <c>orders</c> (CSV, by day of <c>ts</c>, email tokenised) and <c>refunds</c> (JSON lines, by day).</summary>
    public const string Shop = """
        sources:
          orders:
            landing: shop/orders/
            format: csv
            partition: { column: ts, grain: day, key: order_date }
            schema:
              order_id: { type: int64, required: true }
              ts: { type: timestamp, required: true }
            pii:
              email: tokenise
          refunds:
            landing: shop/refunds/
            format: jsonl
            partition: { column: ts, grain: day }
        """;

    public static string Orders(params (int Id, string Ts, string Email, string Amount)[] rows) =>
        "order_id,ts,email,amount\n" + string.Concat(rows.Select(r => $"{r.Id},{r.Ts},{r.Email},{r.Amount}\n"));
}
