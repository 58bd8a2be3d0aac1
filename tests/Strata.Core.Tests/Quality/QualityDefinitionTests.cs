using Strata.Definitions;
using Strata.Quality;
using Strata.Testing;
using Strata.Transform;

namespace Strata.Tests.Quality;

public sealed class QualityDefinitionTests : IDisposable
{
    private const string Source = """
        sources:
          orders:
            landing: shop/orders/
            partition: { column: ts, grain: day }

        """;

    private readonly TestPipelines _pipelines = new();

    public void Dispose() => _pipelines.Dispose();

    [Fact]
    public void ExpectationsAndChecks_AreReadWithDefaults()
    {
        _pipelines.Write("shop", Source + """
                checks:
                  - row_count: { min: 1 }
                  - unique: order_id
                  - accepted_values: { column: status, values: [new, paid] }
                    severity: warn
                  - freshness: { column: ts, max_age: 36h }
            datasets:
              sales:
                layer: integrate
                inputs:
                  orders: identity
                expectations:
                  - name: positive
                    sql: amount > 0
                  - name: known
                    sql: status IS NOT NULL
                    action: quarantine
                checks:
                  - name: no_future
                    sql: SELECT * FROM sales WHERE ts > now()
            """, ("sql/sales.sql", "SELECT * FROM orders"));

        var pipeline = PipelineCatalog.Load(_pipelines.Root, SqlEngine.CheckSyntax).Get("shop");

        var checks = pipeline.FindSource("orders")!.Quality.Checks;
        Assert.Equal(["row_count", "unique_order_id", "accepted_values_status", "freshness_ts"], checks.Select(c => c.Name));
        Assert.Equal([CheckSeverity.Error, CheckSeverity.Error, CheckSeverity.Warn, CheckSeverity.Error], checks.Select(c => c.Severity));
        Assert.Equal(TimeSpan.FromHours(36), checks[3].MaxAge);
        var sales = pipeline.FindDataset("sales")!.Quality;
        Assert.Equal([ExpectationAction.Warn, ExpectationAction.Quarantine], sales.Expectations.Select(e => e.Action));
        Assert.Equal(CheckKind.Custom, sales.Checks.Single().Kind);
    }

    [Theory]
    [InlineData("    checks:\n      - not_null: [a]\n        unique: [b]\n", "pipeline.yaml:6:9: source 'orders'.checks[0] must have exactly one of")]
    [InlineData("    checks:\n      - freshness: { column: ts, max_age: soon }\n", "pipeline.yaml:6:43: source 'orders'.checks[0].freshness.max_age must be a whole number of minutes, hours or days")]
    [InlineData("    checks:\n      - row_count: { min: 5, max: 2 }\n", "pipeline.yaml:6:20: source 'orders'.checks[0].row_count needs min, max or both, with min <= max")]
    [InlineData("    checks:\n      - sql: SELECT 1\n", "pipeline.yaml:6:9: source 'orders'.checks[0] needs a name: key")]
    [InlineData("    checks:\n      - not_null: [a]\n        severity: fatal\n", "pipeline.yaml:7:19: source 'orders'.checks[0].severity 'fatal' is not one of: warn, error")]
    [InlineData("    checks:\n      - not_null: [a]\n      - not_null: [a]\n", "pipeline.yaml:7:9: source 'orders'.checks[1]: a check named 'not_null_a' is already declared")]
    [InlineData("    expectations:\n      - name: x\n        sql: a > 0\n        action: drop\n", "pipeline.yaml:8:17: source 'orders'.expectations[0].action 'drop' is not one of: warn, quarantine, fail")]
    [InlineData("    expectations:\n      - name: x\n        sql: a > 0; DROP TABLE t\n", "pipeline.yaml:7:14: source 'orders'.expectations[0].sql must be one boolean SQL expression")]
    [InlineData("    expectations:\n      - sql: a > 0\n", "pipeline.yaml:6:9: source 'orders'.expectations[0] needs 'name'")]
    public void BadQualityDefinition_FailsWithFileLineAndWhatIsWrong(string extra, string expected)
    {
        _pipelines.Write("shop", Source.TrimEnd('\n') + "\n" + extra);

        var error = Assert.Throws<DefinitionException>(() => PipelineCatalog.Load(_pipelines.Root, SqlEngine.CheckSyntax));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectationSqlThatDoesNotParse_FailsNamingTheExpectationAndLine()
    {
        _pipelines.Write("shop", Source + "    expectations:\n      - name: broken\n        sql: amount >>> (\n");

        var error = Assert.Throws<DefinitionException>(() => PipelineCatalog.Load(_pipelines.Root, SqlEngine.CheckSyntax));

        Assert.Contains("pipeline.yaml:6:9: expectation 'broken' of source 'orders' does not parse", error.Message, StringComparison.Ordinal);
    }
}
