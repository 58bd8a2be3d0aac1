namespace Strata.Tests.Lake;

/// <summary>The small pipeline the lake tests share: an <c>orders</c> source by day, and one SQL dataset over it.</summary>
internal static class LakeTestPipelines
{
    /// <summary><c>orders</c> (CSV, by day of <c>ts</c>, key <c>order_date</c>) and <paramref name="dataset"/> (identity over it) in <paramref name="layer"/>.</summary>
    public static string OrdersAnd(string dataset, string layer, string formats = "")
    {
        var yaml = $$"""
            sources:
              orders:
                landing: shop/orders/
                format: csv
                partition: { column: ts, grain: day, key: order_date }
            datasets:
              {{dataset}}:
                layer: {{layer}}
                inputs:
                  orders: identity

            """;
        return formats.Length == 0 ? yaml : yaml + $"    formats: [{formats}]\n";
    }
}
