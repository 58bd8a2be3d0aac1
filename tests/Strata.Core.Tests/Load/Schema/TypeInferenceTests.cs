using Strata.Definitions;
using Strata.Load.Schema;

namespace Strata.Tests.Load.Schema;

/// <summary>Inference over a whole file: every value of every good row counts, and no value is lost.</summary>
public sealed class TypeInferenceTests
{
    [Fact]
    public async Task Inference_OverTheWholeFile_PicksExactTypes()
    {
        using var harness = new LoadHarness();
        var text = "id,amount,score,day,at,flag,zip,big\n" +
                   "1,12.50,0.5,2026-11-20,2026-11-20T13:05:00+02:00,true,08123,1\n" +
                   "2,3,1e-3,2026-11-21,2026-11-20 23:30:00.123456Z,FALSE,10001,12345678901234567890\n" +
                   "3,,,,,,,\n";

        var outcome = await harness.ParseTextAsync(LoadHarness.Unpartitioned(), "a.csv", text);

        Assert.Equal(
            [
                new SchemaColumn("id", ColumnType.Int64, 0, true),
                new SchemaColumn("amount", ColumnType.Decimal, 2, true),
                new SchemaColumn("score", ColumnType.Double, 0, true),
                new SchemaColumn("day", ColumnType.Date, 0, true),
                new SchemaColumn("at", ColumnType.Timestamp, 0, true),
                new SchemaColumn("flag", ColumnType.Boolean, 0, true),
                new SchemaColumn("zip", ColumnType.String, 0, true),
                new SchemaColumn("big", ColumnType.String, 0, true),
            ],
            outcome.Schema.Columns);
        var rows = await harness.RowsAsync("all");
        Assert.Equal([12.50m, 3m, null], rows.Select(r => (decimal?)r["amount"]));
        Assert.Equal("12.50", ((decimal)rows[0]["amount"]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateTime(2026, 11, 20, 11, 5, 0, DateTimeKind.Utc), rows[0]["at"]);
        Assert.Equal(new DateTime(2026, 11, 20, 23, 30, 0, DateTimeKind.Utc).AddTicks(1_234_560), rows[1]["at"]);
        Assert.Equal(new DateOnly(2026, 11, 21), rows[1]["day"]);
        Assert.Equal(["08123", "10001", null], rows.Select(r => r["zip"]));
        Assert.Equal("12345678901234567890", rows[1]["big"]);
        Assert.Equal([true, false, null], rows.Select(r => (bool?)r["flag"]));
    }

    [Fact]
    public async Task Inference_KeepsTheLastRowsWideningValue()
    {
        using var harness = new LoadHarness();
        var text = "n\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"{i}\n")) + "0.25\n";

        var outcome = await harness.ParseTextAsync(LoadHarness.Unpartitioned(), "a.csv", text);

        Assert.Equal(new SchemaColumn("n", ColumnType.Decimal, 2, true), Assert.Single(outcome.Schema.Columns));
        var rows = await harness.RowsAsync("all");
        Assert.Equal(0.25m, rows[^1]["n"]);
        Assert.Equal(49_999m, rows[^2]["n"]);
    }

    [Fact]
    public async Task Decimal_WithTooManyDigitsForDecimal18_BecomesDouble()
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(LoadHarness.Unpartitioned(), "a.csv", "v\n1234567890123456\n0.125\n");

        Assert.Equal(ColumnType.Double, Assert.Single(outcome.Schema.Columns).Type);
        Assert.Equal([1234567890123456d, 0.125d], (await harness.RowsAsync("all")).Select(r => r["v"]));
    }

    [Fact]
    public async Task Schema_Hash_IsStableAndFollowsTheColumns()
    {
        var a = new SourceSchema([new SchemaColumn("id", ColumnType.Int64, 0, true)]);
        var b = new SourceSchema([new SchemaColumn("id", ColumnType.Int64, 0, true)]);
        var c = new SourceSchema([new SchemaColumn("id", ColumnType.Decimal, 2, true)]);

        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a.Hash, c.Hash);
        Assert.Matches("^[0-9a-f]{32}$", a.Hash);
        Assert.Equal(a, b);
        var json = System.Text.Json.JsonSerializer.Serialize(c, StrataJson.Options);
        Assert.Equal(c, System.Text.Json.JsonSerializer.Deserialize<SourceSchema>(json, StrataJson.Options));
        await Task.CompletedTask;
    }
}
