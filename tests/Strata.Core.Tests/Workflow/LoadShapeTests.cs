using Strata.Definitions;
using Strata.Runs;
using Strata.Schemas;
using Strata.Testing;

namespace Strata.Tests.Workflow;

/// <summary>What a source's schema and partitions look like after real-world files, and how downstream SQL reads them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LoadShapeTests(AzuriteFixture azurite) : IntakeLakeTest(azurite)
{
    [Fact]
    public async Task RowsDatedAtTheCalendarsEnds_PlanAndBuild_ASevenDayWindowDataset()
    {
        await Lake.LandAsync("intake/signups/ends.csv", Intake.Signups(
            (1, "9999-12-31T23:59:59Z", "true", "A"), (2, "0001-01-01T00:00:00Z", "false", ""), (3, "2026-11-20T10:00:00Z", "true", "")));

        var run = await Lake.RunAsync("intake");
        var rerun = await Lake.RunAsync("intake");

        Assert.Equal(RunStatus.Completed, run.Status);
        foreach (var key in new[] { "0001-01-01", "2026-11-20", "9999-12-31" })
        {
            Assert.NotNull(await Lake.PartitionAsync("members", key));
        }

        var windows = (await RowsAsync("members_7d", "as_of")).Select(r => (r["as_of"], r["members"])).ToList();
        Assert.Equal([(new DateOnly(1, 1, 1), 1L), (new DateOnly(2026, 11, 20), 1L), (new DateOnly(9999, 12, 31), 1L)], windows.Select(w => (ToDate(w.Item1), (long)w.Item2!)));
        Assert.Equal(0, rerun.PartitionsBuilt);
        Assert.True((await Lake.PlanAsync("intake")).NothingStale);
    }

    [Fact]
    public async Task DayFileWithoutAnOptionalColumn_ReadsItAsATypedNullInIntegrateSql_AndEveryPartitionReadsTheCurrentTypes()
    {
        await Lake.LandAsync("intake/signups/monday.csv", Intake.Signups((1, "2026-11-20T10:00:00Z", "true", "WINTER")));
        await Lake.LandAsync("intake/signups/tuesday.csv", "id,signed_up,opt_in\n2,2026-11-21T10:00:00Z,maybe\n");

        var run = await Lake.RunAsync("intake");

        Assert.Equal(RunStatus.Completed, run.Status);
        var members = await RowsAsync("members", "id");
        Assert.Equal(["WINTER", null], members.Select(r => r["coupon"]));
        Assert.Null(Assert.Single(await Lake.ReadAsync("members", "2026-11-21"))["coupon"]);

        // Monday's rows alone are booleans; Tuesday's "maybe" widened the source to text. Every file of
        // the Delta table holds the table's types (Monday's was rewritten at publish), and both
        // integrate partitions read the source's current type.
        foreach (var day in new[] { "2026-11-20", "2026-11-21" })
        {
            Assert.Equal("VARCHAR", await ColumnTypeAsync("load", "signups", day, "opt_in"));
            Assert.Equal("VARCHAR", await ColumnTypeAsync("integrate", "members", day, "opt_in"));
            Assert.Equal("VARCHAR", await ColumnTypeAsync("integrate", "members", day, "coupon"));
        }
    }

    private async Task<string> ColumnTypeAsync(string container, string dataset, string partition, string column)
    {
        var file = await Lake.DownloadAsync(container, (await Lake.PartitionAsync(dataset, partition))!.OutputPath);
        var types = DuckDbReader.Query($"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet({DuckDbReader.Quote(file)}))");
        return (string)types.Single(t => (string)t["column_name"]! == column)["column_type"]!;
    }

    [Fact]
    public async Task ColumnsWithoutValues_CarryNoTypeEvidence_AndNeverWidenTheSchema()
    {
        await Lake.LandAsync("intake/signups/typed.csv", Intake.Signups((1, "2026-11-20T10:00:00Z", "true", "A")));
        await Lake.RunAsync("intake");
        var before = await Lake.Get<SchemaStore>().CurrentAsync("signups", CancellationToken.None);

        await Lake.LandAsync("intake/signups/header-only.csv", "id,signed_up,opt_in,coupon\n");
        await Lake.LandAsync("intake/signups/empty-column.csv", Intake.Signups((2, "2026-11-21T10:00:00Z", "", "")));
        await Lake.LandAsync("intake/signups/all-bad.csv", Intake.Signups((3, "never", "maybe", "B")));
        var run = await Lake.RunAsync("intake");

        var after = await Lake.Get<SchemaStore>().CurrentAsync("signups", CancellationToken.None);
        Assert.Equal(RunStatus.CompletedWithWarnings, run.Status); // all-bad.csv's row is one of two parsed: over max_quarantine_ratio
        Assert.Empty(run.Datasets.Single(d => d.Dataset == "signups").DriftEvents);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(ColumnType.Boolean, after.Schema.Find("opt_in")!.Type);
        Assert.Equal([true, null], (await RowsAsync("signups", "id")).Select(r => r["opt_in"]));
    }

    [Fact]
    public async Task AColumnFirstSeenWithoutValues_TakesItsTypeFromTheFirstValues()
    {
        await Lake.LandAsync("intake/signups/header-only.csv", "id,signed_up,opt_in\n");
        await Lake.RunAsync("intake");
        await Lake.LandAsync("intake/signups/typed.csv", "id,signed_up,opt_in\n1,2026-11-20T10:00:00Z,true\n");

        var run = await Lake.RunAsync("intake");

        var (_, schema, _) = await Lake.Get<SchemaStore>().CurrentAsync("signups", CancellationToken.None);
        Assert.Equal(new Strata.Load.Schema.SchemaColumn("opt_in", ColumnType.Boolean, 0, true), schema.Find("opt_in"));
        Assert.Contains(run.Datasets.Single(d => d.Dataset == "signups").DriftEvents, e => e.Contains("column typed: opt_in (no values) -> opt_in boolean", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NonIsoDates_PartitionByTheirDay_AndAProducerSwitchingFormatsIsADriftEvent()
    {
        await Lake.LandAsync("intake/signups/slashes.csv", Intake.Signups((1, "2015/01/01 01:00:00", "true", "A"), (2, "2015/01/02 23:00:00", "true", "B")));
        var first = await Lake.RunAsync("intake");
        await Lake.LandAsync("intake/signups/names.csv", Intake.Signups((3, "Jan 3 2015", "true", "C")));

        var second = await Lake.RunAsync("intake");

        Assert.Equal(RunStatus.Completed, first.Status);
        Assert.Equal([1L, 2L, 3L], (await RowsAsync("members", "id")).Select(r => r["id"]));
        Assert.Equal([new DateOnly(2015, 1, 1), new DateOnly(2015, 1, 2), new DateOnly(2015, 1, 3)], (await RowsAsync("members", "id")).Select(r => ToDate(r["signup_date"])));
        Assert.NotNull(await Lake.PartitionAsync("signups", "2015-01-03"));
        var drift = Assert.Single(second.Datasets.Single(d => d.Dataset == "signups").DriftEvents);
        Assert.Contains("format changed: signed_up timestamp '%Y/%m/%d %H:%M:%S' -> signed_up timestamp '%b %d %Y'", drift, StringComparison.Ordinal);
        var versions = await Lake.Get<SchemaStore>().VersionsAsync("signups", CancellationToken.None);
        Assert.Equal("%Y/%m/%d %H:%M:%S", versions[0].Schema.Find("signed_up")!.Format);
    }

    private static DateOnly ToDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => throw new InvalidOperationException($"unexpected {value?.GetType()}"),
    };
}
