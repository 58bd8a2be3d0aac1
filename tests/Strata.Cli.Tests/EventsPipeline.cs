namespace Strata.Cli.Tests;

/// <summary>The pipeline the run tests use: day-partitioned events and an identity-mapped daily count and sum.</summary>
internal static class EventsPipeline
{
    public const string Yaml = """
        sources:
          events:
            landing: shop/events/
            format: csv
            partition: { column: at, grain: day }
        datasets:
          daily:
            layer: integrate
            inputs:
              events: identity
        """;

    public static readonly (string Path, string Text) Sql = ("sql/daily.sql", "SELECT count(*) AS events, sum(amount) AS amount FROM events");
}
