using Strata.Definitions;
using Strata.Load.Schema;
using Strata.Testing;

namespace Strata.Tests.Load.Formats;

public sealed class ParquetInputTests
{
    [Fact]
    public async Task ParquetInput_KeepsItsColumnTypes()
    {
        using var harness = new LoadHarness();
        var input = Path.Combine(harness.Folder, "input.parquet");
        DuckDbReader.Query(
            "COPY (SELECT * FROM (VALUES " +
            "(1::INTEGER, 12.5::DECIMAL(10,2), 0.25::DOUBLE, '007', DATE '2026-11-20', TIMESTAMPTZ '2026-11-20 13:05:00.123456+00', true, 1.5::DECIMAL(38,10)), " +
            "(NULL, NULL, NULL, NULL, NULL, TIMESTAMPTZ '2026-11-21 00:00:00+00', NULL, NULL)) t(id, amount, score, code, day, seen, flag, wide)) " +
            $"TO {DuckDbReader.Quote(input)} (FORMAT parquet)");

        var outcome = await harness.ParseFileAsync(LoadHarness.Source("seen"), input, "input.parquet");

        Assert.Null(outcome.FileError);
        Assert.Equal(
            [
                new SchemaColumn("id", ColumnType.Int64, 0, true),
                new SchemaColumn("amount", ColumnType.Decimal, 2, true),
                new SchemaColumn("score", ColumnType.Double, 0, true),
                new SchemaColumn("code", ColumnType.String, 0, true),
                new SchemaColumn("day", ColumnType.Date, 0, true),
                new SchemaColumn("seen", ColumnType.Timestamp, 0, true),
                new SchemaColumn("flag", ColumnType.Boolean, 0, true),
                new SchemaColumn("wide", ColumnType.String, 0, true),
            ],
            outcome.Schema.Columns);
        Assert.Equal(["2026-11-20", "2026-11-21"], outcome.Fragments.Select(f => f.Partition));
        var row = Assert.Single(await harness.RowsAsync("2026-11-20"));
        Assert.Equal(1L, row["id"]);
        Assert.Equal(12.50m, row["amount"]);
        Assert.Equal("007", row["code"]);
        Assert.Equal(new DateTime(2026, 11, 20, 13, 5, 0, DateTimeKind.Utc).AddTicks(1_234_560), row["seen"]);
        Assert.Equal("1.5000000000", row["wide"]);
    }

    [Fact]
    public async Task NotParquet_IsAFileError()
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(LoadHarness.Unpartitioned(), "a.parquet", "id,name\n1,x\n");

        Assert.StartsWith("file: not a readable Parquet file", outcome.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownExtension_IsAFileError_UnlessTheFormatIsDeclared()
    {
        using var harness = new LoadHarness();

        var unknown = await harness.ParseTextAsync(LoadHarness.Unpartitioned(), "a.txt", "id\n1\n");
        var declared = await harness.ParseTextAsync(LoadHarness.Unpartitioned() with { Format = SourceFormat.Csv }, "a.txt", "id\n1\n");

        Assert.Contains("cannot tell the format", unknown.FileError, StringComparison.Ordinal);
        Assert.Equal(1, declared.RowsLoaded);
    }
}
