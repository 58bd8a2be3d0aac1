using Strata.Definitions;
using Strata.Testing;

namespace Strata.Tests.Load;

/// <summary>DuckDB, an independent Parquet reader, sees the values load meant to write.</summary>
public sealed class DuckDbReadBackTests
{
    [Fact]
    public async Task Fragment_ReadByDuckDb_HoldsTheSameValuesAndTypes()
    {
        using var harness = new LoadHarness();
        var source = LoadHarness.Source() with { Pii = [new PiiRule("email", PiiAction.Tokenise, PiiNormalise.TrimLower)] };
        var csv = "id,amount,score,entered_at,day,email,flag,note\n" +
                  "1,12.50,0.5,2026-11-20T13:05:00.123456+01:00,2026-11-20,Ann@X.com,true,\"a, \"\"quoted\"\"\nnote\"\n" +
                  "2,,1e-3,2026-11-20 23:59:59Z,,,FALSE,\n";

        await harness.ParseTextAsync(source, "a.csv", csv);
        var rows = DuckDbReader.Query($"SELECT * FROM read_parquet({DuckDbReader.Quote(harness.Sink.FragmentPath("2026-11-20"))}) ORDER BY id");
        var types = DuckDbReader.Query($"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet({DuckDbReader.Quote(harness.Sink.FragmentPath("2026-11-20"))}))")
            .ToDictionary(r => (string)r["column_name"]!, r => (string)r["column_type"]!);

        Assert.Equal("BIGINT", types["id"]);
        Assert.Equal("DECIMAL(18,2)", types["amount"]);
        Assert.Equal("DOUBLE", types["score"]);
        Assert.Equal("TIMESTAMP WITH TIME ZONE", types["entered_at"]);
        Assert.Equal("DATE", types["day"]);
        Assert.Equal("VARCHAR", types["email"]);
        Assert.Equal("BOOLEAN", types["flag"]);
        Assert.Equal(2, rows.Count);
        Assert.Equal(12.50m, rows[0]["amount"]);
        Assert.Null(rows[1]["amount"]);
        Assert.Equal(0.001, rows[1]["score"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 12, 5, 0, TimeSpan.Zero).AddTicks(1_234_560), ToOffset(rows[0]["entered_at"]));
        Assert.Equal(new DateOnly(2026, 11, 20), ToDate(rows[0]["day"]));
        Assert.Equal(new Strata.Load.Pii.PiiTokenizer(LoadHarness.Key).Tokenise("ann@x.com", PiiNormalise.None), rows[0]["email"]);
        Assert.Null(rows[1]["email"]);
        Assert.Equal(false, rows[1]["flag"]);
        Assert.Equal("a, \"quoted\"\nnote", rows[0]["note"]);
    }

    private static DateTimeOffset ToOffset(object? value) => value switch
    {
        DateTimeOffset o => o.ToUniversalTime(),
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        _ => throw new InvalidOperationException($"unexpected {value?.GetType()}"),
    };

    private static DateOnly ToDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime d => DateOnly.FromDateTime(d),
        _ => throw new InvalidOperationException($"unexpected {value?.GetType()}"),
    };
}
