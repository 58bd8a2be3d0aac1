using Strata.Definitions;
using Strata.Load.Schema;

namespace Strata.Tests.Load.Schema;

/// <summary>Schema hints fix types; drift policy Strict fixes the whole schema.</summary>
public sealed class DeclaredSchemaTests
{
    [Fact]
    public async Task Hint_FixesTheType_AndAValueThatDoesNotParse_IsQuarantinedNamingColumnAndValue()
    {
        using var harness = new LoadHarness();
        var source = LoadHarness.Unpartitioned() with { Schema = [new ColumnHint("qty", ColumnType.Int64, Required: false), new ColumnHint("code", ColumnType.String, Required: false)] };

        var outcome = await harness.ParseTextAsync(source, "a.csv", "qty,code\n1,7\n2x,8\n 3 ,9\n");

        Assert.Equal([ColumnType.Int64, ColumnType.String], outcome.Schema.Columns.Select(c => c.Type));
        Assert.Equal([1L, 3L], (await harness.RowsAsync("all")).Select(r => r["qty"]));
        Assert.Equal(["7", "9"], (await harness.RowsAsync("all")).Select(r => r["code"]));
        var record = Assert.Single(harness.Quarantine());
        Assert.Equal(3, record.GetProperty("line").GetInt64());
        Assert.Equal("column 'qty': '2x' is not a valid int64", record.GetProperty("reason").GetString());
        Assert.Equal("qty", record.GetProperty("column").GetString());
        Assert.Equal("2x", record.GetProperty("value").GetString());
        Assert.Equal("2x,8", record.GetProperty("raw").GetString());
        Assert.Equal("raw/entries/ingest_date=2026-11-20/abc-a.csv", record.GetProperty("rawBlob").GetString());
    }

    [Fact]
    public async Task Required_EmptyValue_IsQuarantined()
    {
        using var harness = new LoadHarness();
        var source = LoadHarness.Unpartitioned() with { Schema = [new ColumnHint("id", null, Required: true)] };

        var outcome = await harness.ParseTextAsync(source, "a.csv", "id,x\n1,a\n,b\n3,c\n");

        Assert.Equal(2, outcome.RowsLoaded);
        Assert.Equal(new SchemaColumn("id", ColumnType.Int64, 0, Nullable: false), outcome.Schema.Columns[0]);
        Assert.Equal("required column 'id' is empty", Assert.Single(harness.Quarantine()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task DeclaredDecimal_TakesTheScaleOfItsValues()
    {
        using var harness = new LoadHarness();
        var source = LoadHarness.Unpartitioned() with { Schema = [new ColumnHint("price", ColumnType.Decimal, Required: false)] };

        var outcome = await harness.ParseTextAsync(source, "a.csv", "price\n1.5\n2.125\n3\n");

        Assert.Equal(new SchemaColumn("price", ColumnType.Decimal, 3, true), Assert.Single(outcome.Schema.Columns));
        Assert.Equal([1.5m, 2.125m, 3m], (await harness.RowsAsync("all")).Select(r => r["price"]));
    }

    [Fact]
    public async Task Strict_UsesExactlyTheDeclaredColumns()
    {
        using var harness = new LoadHarness();
        var source = LoadHarness.Unpartitioned() with
        {
            Drift = DriftPolicy.Strict,
            Schema =
            [
                new ColumnHint("id", ColumnType.Int64, Required: true),
                new ColumnHint("amount", ColumnType.Decimal, Required: false),
                new ColumnHint("note", ColumnType.String, Required: false),
            ],
        };

        var outcome = await harness.ParseTextAsync(source, "a.csv", "amount,id,extra\n1.25,1,\n2.50,2,surprise\nabc,3,\n");

        Assert.Equal(["id", "amount", "note"], outcome.Schema.Columns.Select(c => c.Name));
        var row = Assert.Single(await harness.RowsAsync("all"));
        Assert.Equal(1L, row["id"]);
        Assert.Equal(1.25m, row["amount"]);
        Assert.Null(row["note"]);
        var reasons = harness.Quarantine().Select(q => q.GetProperty("reason").GetString()).ToList();
        Assert.Equal(["column 'extra' is not declared in the schema (drift: strict)", "column 'amount': 'abc' is not a valid decimal (plain notation, at most 18 digits)"], reasons);
    }

    [Fact]
    public async Task Strict_MissingRequiredColumn_QuarantinesEveryRow()
    {
        using var harness = new LoadHarness();
        var source = LoadHarness.Unpartitioned() with { Drift = DriftPolicy.Strict, Schema = [new ColumnHint("id", ColumnType.Int64, Required: true)] };

        var outcome = await harness.ParseTextAsync(source, "a.csv", "other\n1\n2\n");

        Assert.Equal(0, outcome.RowsLoaded);
        Assert.Equal(2, outcome.RowsQuarantined);
        Assert.All(harness.Quarantine(), q => Assert.Equal("required column 'id' is missing from the file", q.GetProperty("reason").GetString()));
    }
}
