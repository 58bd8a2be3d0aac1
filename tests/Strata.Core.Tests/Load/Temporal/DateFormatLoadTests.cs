using System.Globalization;
using Strata.Definitions;
using Strata.Load.Schema;
using Strata.Testing;

namespace Strata.Tests.Load.Temporal;

/// <summary>Dates and timestamps beyond ISO 8601, parsed as a file and read back, with DuckDB's read_csv as the reference.</summary>
public sealed class DateFormatLoadTests
{
    private static readonly SourceDefinition s_unpartitioned = LoadHarness.Unpartitioned();

    [Fact]
    public async Task MonthNameDates_LoadAsDate_WithTheValuesDuckDbReadsWithThatFormat()
    {
        using var harness = new LoadHarness();
        var csv = "id,d\n1,Jan 1 2000\n2,Feb 14 2001\n3,Dec 31 1999\n4,\n";
        var path = await harness.WriteAsync("dates.csv", csv);

        var outcome = await harness.ParseFileAsync(s_unpartitioned, path, "dates.csv");

        Assert.Equal(new SchemaColumn("d", ColumnType.Date, 0, true) { Format = "%b %d %Y" }, outcome.Schema.Find("d"));
        Assert.Equal(0, outcome.RowsQuarantined);
        // DuckDB 1.5's sniffer keeps month names as VARCHAR; told the format it reads the same dates.
        var expected = DuckDbReader.Query($"SELECT id, d FROM read_csv({DuckDbReader.Quote(path)}, dateformat = '%b %d %Y', types = {{'d': 'DATE'}}) ORDER BY id");
        var ours = DuckDbReader.Query($"SELECT id, d, typeof(d) AS t FROM read_parquet({DuckDbReader.Quote(harness.Sink.FragmentPath("all"))}) ORDER BY id");
        Assert.All(ours, r => Assert.Equal("DATE", r["t"]));
        Assert.Equal(expected.Select(r => r["d"]), ours.Select(r => r["d"]));
        Assert.Equal(new DateOnly(2001, 2, 14), ToDate(ours[1]["d"]));
    }

    [Fact]
    public async Task SlashTimestamps_LoadAsTimestamp_AsDuckDbsSnifferReadsThem()
    {
        using var harness = new LoadHarness();
        var csv = "id,t\n1,2015/01/01 01:00:00\n2,2015/06/30 23:59:59.25\n3,2016/02/29 12:00:00\n";
        var path = await harness.WriteAsync("stamps.csv", csv);

        var outcome = await harness.ParseFileAsync(s_unpartitioned, path, "stamps.csv");

        Assert.Equal(new SchemaColumn("t", ColumnType.Timestamp, 0, true) { Format = "%Y/%m/%d %H:%M:%S" }, outcome.Schema.Find("t"));
        var duck = DuckDbReader.Query($"SELECT id, t FROM read_csv({DuckDbReader.Quote(path)}) ORDER BY id");
        var duckType = DuckDbReader.Query($"SELECT column_type FROM (DESCRIBE SELECT t FROM read_csv({DuckDbReader.Quote(path)}))").Single()["column_type"];
        var ours = DuckDbReader.Query($"SELECT id, t FROM read_parquet({DuckDbReader.Quote(harness.Sink.FragmentPath("all"))}) ORDER BY id");
        Assert.StartsWith("TIMESTAMP", (string)duckType!, StringComparison.Ordinal);
        Assert.Equal(duck.Select(r => Utc(r["t"])), ours.Select(r => Utc(r["t"])));
    }

    [Theory]
    [InlineData(DateOrder.DayFirst, "01/02/2000,03/04/2000", "2000-02-01")]
    [InlineData(DateOrder.MonthFirst, "01/02/2000,03/04/2000", "2000-01-02")]
    [InlineData(DateOrder.MonthFirst, "01/02/2000,13/04/2000", "2000-02-01")]
    [InlineData(DateOrder.DayFirst, "01/02/2000,03/14/2000", "2000-01-02")]
    public async Task AmbiguousDayAndMonth_AValueAbove12SettlesIt_ElseTheSourcesOrder(DateOrder order, string values, string firstDay)
    {
        using var harness = new LoadHarness();
        var csv = "d\n" + string.Join("\n", values.Split(',')) + "\n";

        await harness.ParseTextAsync(s_unpartitioned with { DateOrder = order }, "a.csv", csv);

        var rows = await harness.RowsAsync("all");
        Assert.Equal(DateOnly.Parse(firstDay, CultureInfo.InvariantCulture), rows[0]["d"]);
    }

    [Fact]
    public async Task NonIsoPartitionColumn_PartitionsByItsDays_AndQuarantinesWhatItCannotRead()
    {
        using var harness = new LoadHarness();
        var csv = "id,entered_at\n1,2026/11/20 23:30:00\n2,2026/11/21 00:10:00\n3,N/A\n4,2026/11/20 08:00:00\n";

        var outcome = await harness.ParseTextAsync(LoadHarness.Source(), "a.csv", csv);

        Assert.Equal(["2026-11-20", "2026-11-21"], outcome.Fragments.Select(f => f.Partition));
        Assert.Equal([1L, 4L], (await harness.RowsAsync("2026-11-20")).Select(r => r["id"]));
        var quarantined = Assert.Single(harness.Quarantine());
        Assert.Equal("partition column 'entered_at': 'N/A' is not a timestamp or date in the format '%Y/%m/%d %H:%M:%S'", quarantined.GetProperty("reason").GetString());
        Assert.Equal("%Y/%m/%d %H:%M:%S", outcome.Schema.Find("entered_at")!.Format);
    }

    [Fact]
    public async Task DeclaredFormatOnThePartitionColumn_CutsPartitionsWithIt()
    {
        using var harness = new LoadHarness();
        var source = LoadHarness.Source() with { Schema = [new ColumnHint("entered_at", ColumnType.Date, Required: false) { Format = "%d/%m/%Y" }] };

        var outcome = await harness.ParseTextAsync(source, "a.csv", "id,entered_at\n1,02/01/2026\n2,03/01/2026\n3,2026-01-04\n");

        Assert.Equal(["2026-01-02", "2026-01-03"], outcome.Fragments.Select(f => f.Partition));
        Assert.Equal("partition column 'entered_at': '2026-01-04' is not a timestamp or date in the format '%d/%m/%Y'", Assert.Single(harness.Quarantine()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task DeclaredTimestampWithoutFormat_SniffsTheFormat()
    {
        using var harness = new LoadHarness();
        var source = s_unpartitioned with { Schema = [new ColumnHint("at", ColumnType.Timestamp, Required: true)] };

        var outcome = await harness.ParseTextAsync(source, "a.csv", "at\n1/2/2000 1:05 PM\n3/4/2000 11:00 AM\n");

        Assert.Equal(0, outcome.RowsQuarantined);
        Assert.Equal([new DateTime(2000, 2, 1, 13, 5, 0, DateTimeKind.Utc), new DateTime(2000, 4, 3, 11, 0, 0, DateTimeKind.Utc)], (await harness.RowsAsync("all")).Select(r => r["at"]));
    }

    [Fact]
    public async Task DeclaredFormat_Wins_OtherValuesAreQuarantinedWithTheFormatNamed()
    {
        using var harness = new LoadHarness();
        var source = s_unpartitioned with { Schema = [new ColumnHint("d", ColumnType.Date, Required: false) { Format = "%m/%d/%Y" }] };

        var outcome = await harness.ParseTextAsync(source, "a.csv", "d\n01/02/2000\n2000-01-03\n");

        Assert.Equal(new DateOnly(2000, 1, 2), Assert.Single(await harness.RowsAsync("all"))["d"]);
        Assert.Equal("column 'd': '2000-01-03' is not a valid date in the format '%m/%d/%Y'", Assert.Single(harness.Quarantine()).GetProperty("reason").GetString());
        Assert.Equal("%m/%d/%Y", outcome.Schema.Find("d")!.Format);
    }

    [Theory]
    [InlineData("epoch", "946684800", "2000-01-01T00:00:00")]
    [InlineData("epoch_ms", "946684800500", "2000-01-01T00:00:00.5")]
    public async Task EpochNumbers_LoadAsTimestamps_OnlyWhenDeclared(string format, string value, string expected)
    {
        using var harness = new LoadHarness();
        var declared = s_unpartitioned with { Schema = [new ColumnHint("at", ColumnType.Timestamp, Required: false) { Format = format }] };

        var inferred = await harness.ParseTextAsync(s_unpartitioned, "a.csv", $"at\n{value}\n");
        await harness.ParseTextAsync(declared, "a.csv", $"at\n{value}\n");

        Assert.Equal(ColumnType.Int64, inferred.Schema.Find("at")!.Type);
        Assert.Equal(DateTime.Parse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), Assert.Single(await harness.RowsAsync("all"))["at"]);
    }

    [Fact]
    public async Task MixedIsoAndOtherFormats_InOneInferredColumn_StayText()
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(s_unpartitioned, "a.csv", "d\nJan 1 2000\n2000-01-02\n");

        Assert.Equal(new SchemaColumn("d", ColumnType.String, 0, true), outcome.Schema.Find("d"));
    }

    [Fact]
    public async Task IsoColumns_KeepNoFormat_SoTheirSchemaHashIsUnchanged()
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(s_unpartitioned, "a.csv", "d,t\n2000-01-01,2000-01-01T10:00:00Z\n");

        Assert.All(outcome.Schema.Columns, c => Assert.Null(c.Format));
        Assert.Equal(new SourceSchema([new SchemaColumn("d", ColumnType.Date, 0, true), new SchemaColumn("t", ColumnType.Timestamp, 0, true)]).Hash, outcome.Schema.Hash);
    }

    private static DateOnly ToDate(object? value) => value is DateOnly d ? d : DateOnly.FromDateTime((DateTime)value!);

    private static DateTime Utc(object? value) => value switch
    {
        DateTimeOffset o => o.UtcDateTime,
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        _ => throw new InvalidOperationException($"unexpected {value?.GetType()}"),
    };
}
