using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Testing;

namespace Strata.Tests.Definitions;

public sealed class DateFormatDefinitionTests : IDisposable
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
    public void FormatHint_MakesTheColumnADateOrTimestamp_AndDateOrderIsRead()
    {
        var source = Load("""
                date_order: mdy
                schema:
                  day: { format: "%d/%m/%Y" }
                  ts: { format: "%Y/%m/%d %H:%M:%S", required: true }
                  at: { type: timestamp, format: epoch_ms }
            """);

        Assert.Equal(DateOrder.MonthFirst, source.DateOrder);
        Assert.Equal((ColumnType.Date, "%d/%m/%Y"), (source.HintFor("day")!.Type, source.HintFor("day")!.Format));
        Assert.Equal((ColumnType.Timestamp, "%Y/%m/%d %H:%M:%S"), (source.HintFor("ts")!.Type, source.HintFor("ts")!.Format));
        Assert.Equal(ColumnType.Timestamp, source.HintFor("at")!.Type);
    }

    [Fact]
    public void DateOrder_DefaultsToDayFirst()
    {
        Assert.Equal(DateOrder.DayFirst, Load("").DateOrder);
    }

    [Theory]
    [InlineData("    schema:\n      day: { format: \"%d/%m\" }\n", "source 'orders'.schema.day.format '%d/%m': it needs a year (%Y or %y)")]
    [InlineData("    schema:\n      day: { type: int64, format: \"%d/%m/%Y\" }\n", "format '%d/%m/%Y' reads dates, so the column's type must be date or timestamp, not int64")]
    [InlineData("    schema:\n      day: { type: date, format: \"%d/%m/%Y %H:%M\" }\n", "reads timestamps, so the column's type must be timestamp, not date")]
    [InlineData("    date_order: ymd\n", "source 'orders'.date_order 'ymd' is not one of")]
    public void BadDateDefinitions_FailWithFileLineAndWhatIsWrong(string extra, string expected)
    {
        _pipelines.Write("shop", Source + extra);

        var error = Assert.Throws<DefinitionException>(() => PipelineCatalog.Load(_pipelines.Root));

        Assert.Contains("pipeline.yaml:", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatAndDateOrder_ArePartOfTheLoadSpec()
    {
        var plain = Load("");
        var spec = LoadSpec.Hash(plain, "");

        Assert.NotEqual(spec, LoadSpec.Hash(plain with { DateOrder = DateOrder.MonthFirst }, ""));
        Assert.NotEqual(spec, LoadSpec.Hash(plain with { Schema = [new ColumnHint("ts", ColumnType.Timestamp, false) { Format = "epoch" }] }, ""));
        Assert.NotEqual(LoadSpec.Hash(plain with { Schema = [new ColumnHint("ts", ColumnType.Timestamp, false)] }, ""), LoadSpec.Hash(plain with { Schema = [new ColumnHint("ts", ColumnType.Timestamp, false) { Format = "epoch" }] }, ""));
    }

    private SourceDefinition Load(string extra)
    {
        _pipelines.Write("shop", Source + extra);
        return PipelineCatalog.Load(_pipelines.Root).PipelineOf("orders")!.FindSource("orders")!;
    }
}
