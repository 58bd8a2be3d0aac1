using Strata.Definitions;
using Strata.Testing;
using Strata.Transform;
using Strata.Validation;

namespace Strata.Tests.Definitions;

public sealed class DefinitionTests : IDisposable
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
    public void ValidPipeline_ResolvesPartitionsAndDependencyOrder()
    {
        _pipelines.Write("shop", Source + """

            datasets:
              weekly:
                layer: action
                inputs:
                  daily: { window: 7 }
              daily:
                layer: integrate
                inputs:
                  orders: identity
                  customers: all
            """.Replace("datasets:", "  customers:\n    landing: shop/customers/\n    partition: none\ndatasets:", StringComparison.Ordinal),
            ("sql/daily.sql", "SELECT * FROM orders"), ("sql/weekly.sql", "SELECT count(*) FROM daily"));

        var pipeline = PipelineCatalog.Load(_pipelines.Root, SqlEngine.CheckSyntax).Get("shop");

        Assert.Equal(["daily", "weekly"], pipeline.Datasets.Select(d => d.Name));
        Assert.Equal(Grain.Day, pipeline.FindDataset("weekly")!.Partition.Grain);
        Assert.Equal("ts_day", pipeline.FindDataset("daily")!.Partition.Key);
        Assert.True(pipeline.FindSource("customers")!.Partition.IsUnpartitioned);
        Assert.Equal(PartitionMapping.Window(7), pipeline.FindDataset("weekly")!.Inputs.Single().Mapping);
    }

    [Theory]
    [InlineData("    formt: csv\n", "pipeline.yaml:5:5: unknown key 'formt' in source 'orders'")]
    [InlineData("    drift: strict\n", "pipeline.yaml:5:12: source 'orders' uses drift: strict, so its schema: section must list every column with a type")]
    [InlineData("    format: xml\n", "pipeline.yaml:5:13: source 'orders'.format 'xml' is not one of")]
    [InlineData("    pii:\n      email: hash\n", "pipeline.yaml:6:14: source 'orders'.pii.email 'hash' is not one of")]
    public void BadSourceOption_FailsWithFileLineAndWhatIsWrong(string extra, string expected)
    {
        _pipelines.Write("shop", Source + "\n" + extra);

        var error = Assert.Throws<DefinitionException>(() => PipelineCatalog.Load(_pipelines.Root));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a:\n    layer: integrate\n    inputs:\n      nope: identity\n", "reads 'nope', which is neither a source nor a dataset")]
    [InlineData("a:\n    layer: integrate\n    inputs:\n      b: identity\n  b:\n    layer: integrate\n    inputs:\n      a: identity\n", "datasets form a cycle: a -> b -> a")]
    [InlineData("a:\n    layer: integrate\n    partition: { grain: hour }\n    inputs:\n      orders: identity\n", "is partitioned by hour but maps 'orders' (partitioned by day) with identity")]
    [InlineData("a:\n    layer: action\n    inputs:\n      orders: identity\n  b:\n    layer: integrate\n    inputs:\n      a: identity\n", "integrate dataset 'b' reads action 'a'")]
    [InlineData("a:\n    layer: integrate\n    inputs:\n      orders: { window: 0 }\n", "window must be a whole number above 0")]
    public void BadGraph_FailsBeforeAnythingRuns(string datasets, string expected)
    {
        _pipelines.Write("shop", Source + "\ndatasets:\n  " + datasets, ("sql/a.sql", "SELECT 1"), ("sql/b.sql", "SELECT 1"));

        var error = Assert.Throws<DefinitionException>(() => PipelineCatalog.Load(_pipelines.Root));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("pipeline.yaml:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlThatDoesNotParse_FailsNamingTheSqlFileAndLine()
    {
        _pipelines.Write("shop", Source + "\ndatasets:\n  a:\n    layer: integrate\n    inputs:\n      orders: identity\n", ("sql/a.sql", "SELECT id,\n  FROM WHERE orders"));

        var error = Assert.Throws<DefinitionException>(() => PipelineCatalog.Load(_pipelines.Root, SqlEngine.CheckSyntax));

        Assert.Contains("a.sql:2:1: the SQL of dataset 'a' does not parse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoPipelines_WithOverlappingLandingPrefixes_AreRejected()
    {
        _pipelines.Write("shop", Source);
        _pipelines.Write("web", Source.Replace("orders:", "visits:", StringComparison.Ordinal).Replace("shop/orders/", "shop/", StringComparison.Ordinal));

        var error = Assert.Throws<DefinitionException>(() => PipelineCatalog.Load(_pipelines.Root));

        Assert.Contains("overlaps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_ReportsEveryProblem_NotJustTheFirst()
    {
        _pipelines.Write("one", Source.Replace("grain: day", "grain: fortnight", StringComparison.Ordinal));
        _pipelines.Write("two", Source.Replace("shop/orders/", "two/", StringComparison.Ordinal).Replace("orders:", "clicks:", StringComparison.Ordinal)
            + "\ndatasets:\n  a:\n    layer: integrate\n    inputs:\n      clicks: identity\n", ("sql/a.sql", "SELEC 1"));

        var problems = DefinitionValidator.Validate(_pipelines.Root);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("'fortnight' is not one of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("a.sql:1:1", StringComparison.Ordinal));
    }
}
