using System.Text;
using Strata.Definitions;
using Strata.Runs;
using Strata.Schemas;
using Strata.Testing;

namespace Strata.Tests.Workflow;

/// <summary>
/// The test issue 12 asks for: a file of every hostile kind, landed together with normal files
/// through the real workflow on Azurite. The normal files' rows load in the same run and in every
/// later run, and each hostile file is loaded or quarantined with its reason.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileMixTests(AzuriteFixture azurite) : IntakeLakeTest(azurite)
{
    [Fact]
    public async Task EveryHostileKind_WithNormalFiles_NormalRowsLoadNowAndLater_EachHostileFileLoadsOrIsQuarantinedWithItsReason()
    {
        await LandNormalAsync(1, "2026-11-20");
        await LandHostileAsync();

        var first = await Lake.RunAsync("intake");

        // Only the poison file failed, and only for itself.
        Assert.Equal(RunStatus.CompletedWithFailures, first.Status);
        Assert.Contains("-poison.csv: parse failed (attempt 1 of 3", Assert.Single(Line(first, "signups").Failures), StringComparison.Ordinal);
        Assert.All(first.Datasets.Where(d => d.Dataset != "signups"), d => Assert.Empty(d.Failures));

        // Normal rows and every loadable hostile file's rows, in the source and downstream.
        long[] signups = [1, 2, 10, 11, 20, 21, 30, 31, 40, 50, 70, 71, 80, 90];
        Assert.Equal(signups, await IdsAsync("signups"));
        Assert.Equal(signups, await IdsAsync("members"));
        Assert.Equal(new long[] { 1, 2, 3, 4, 6 }, await IdsAsync("events"));
        Assert.Equal(1, Line(first, "signups").RowsQuarantined); // all-bad.csv's one row: its partition value is no date
        var members7d = (await RowsAsync("members_7d", "as_of")).Select(r => r["as_of"] is DateOnly d ? d : DateOnly.FromDateTime((DateTime)r["as_of"]!)).ToList();
        Assert.Equal(new DateOnly(1, 1, 1), members7d[0]);
        Assert.Equal(new DateOnly(9999, 12, 31), members7d[^1]);
        Assert.Contains(new DateOnly(2000, 1, 1), members7d);
        Assert.Contains(new DateOnly(2015, 1, 1), members7d);

        // Hostile files that cannot load are quarantined as files, each with a reason that says what to do.
        var events = Line(first, "events").FilesQuarantined;
        Assert.Equal(2, events.Count);
        Assert.Contains(events, f => f.Contains("-pretty.jsonl: file: none of its 4 records is a JSON object", StringComparison.Ordinal) && f.Contains("pretty-printed JSON", StringComparison.Ordinal));
        Assert.Contains(events, f => f.Contains("-utf16-nobom.jsonl: file: the file looks like UTF-16", StringComparison.Ordinal) && f.Contains("save it as UTF-8", StringComparison.Ordinal));

        // Wide files loaded; no column without values widened anything; no stored row grew with the columns.
        Assert.Equal(3L, (await Lake.PartitionAsync("wide", "2026-11-20"))!.Rows);
        Assert.Equal(2L, (await Lake.PartitionAsync("wide", "2026-11-21"))!.Rows);
        var (_, schema, _) = await Lake.Get<SchemaStore>().CurrentAsync("signups", CancellationToken.None);
        Assert.Equal(ColumnType.Boolean, schema.Find("opt_in")!.Type);
        Assert.DoesNotContain(Line(first, "signups").DriftEvents, e => e.Contains("opt_in string", StringComparison.Ordinal));
        var (chars, where) = await LargestStoredPropertyAsync();
        Assert.True(chars <= 16_000, $"{where} holds {chars} characters");

        // Later runs: new normal files load each time; the poison file is retried, then quarantined, and the source moves on.
        await LandNormalAsync(100, "2026-11-23");
        var second = await Lake.RunAsync("intake");
        await LandNormalAsync(200, "2026-11-24");
        var third = await Lake.RunAsync("intake");
        var fourth = await Lake.RunAsync("intake");

        Assert.Contains("attempt 2 of 3", Assert.Single(Line(second, "signups").Failures), StringComparison.Ordinal);
        Assert.Equal(RunStatus.CompletedWithWarnings, third.Status); // a file quarantined whole warns the run
        Assert.Contains("-poison.csv: file: parsing failed 3 times", Assert.Single(Line(third, "signups").FilesQuarantined), StringComparison.Ordinal);
        Assert.Equal(RunStatus.Completed, fourth.Status);
        Assert.Equal(0, fourth.PartitionsBuilt);
        Assert.Equal(signups.Concat([100, 101, 200, 201]), await IdsAsync("members"));
        Assert.Equal(new long[] { 1, 2, 3, 4, 6, 100, 101, 200, 201 }, await IdsAsync("events"));
        Assert.True((await Lake.PlanAsync("intake")).NothingStale);
    }

    private async Task LandNormalAsync(int firstId, string day)
    {
        await Lake.LandAsync($"intake/signups/normal-{firstId}.csv", Intake.Signups((firstId, $"{day}T09:00:00Z", "true", "WELCOME"), (firstId + 1, $"{day}T17:30:00Z", "false", "")));
        await Lake.LandAsync($"intake/events/normal-{firstId}.jsonl", Intake.Events($"{day}T10:00:00Z", firstId, firstId + 1));
    }

    private async Task LandHostileAsync()
    {
        // Dates beyond ISO 8601, in the partition column itself.
        await Lake.LandAsync("intake/signups/month-names.csv", Intake.Signups((10, "Jan 1 2000", "true", ""), (11, "Feb 14 2001", "false", "")));
        await Lake.LandAsync("intake/signups/slash-stamps.csv", Intake.Signups((20, "2015/01/01 01:00:00", "true", ""), (21, "2015/06/30 23:59:59", "true", "")));

        // Wide files.
        await Lake.LandAsync("intake/wide/w600.csv", Intake.Wide(600, 3, 1, "2026-11-20"));
        await Lake.LandAsync("intake/wide/w20000.csv", Intake.Wide(20_000, 2, 100, "2026-11-21"));

        // Rows at the calendar's ends, under a 7-day window dataset.
        await Lake.LandAsync("intake/signups/calendar-ends.csv", Intake.Signups((30, "9999-12-31T23:59:59Z", "true", ""), (31, "0001-01-01T00:00:00Z", "true", "")));

        // A day file without the optional column the integrate SQL names.
        await Lake.LandAsync("intake/signups/no-coupon.csv", "id,signed_up,opt_in\n40,2026-11-21T08:00:00Z,true\n");

        // JSON lines that are not: an array, one pretty-printed object, UTF-16 with and without a BOM, nothing.
        await Lake.LandAsync("intake/events/array.jsonl", "[" + Intake.Events("2026-11-20T11:00:00Z", 3, 4).Trim().Replace("\n", ",", StringComparison.Ordinal) + "]");
        await Lake.LandAsync("intake/events/pretty.jsonl", "{\n  \"id\": 5,\n  \"at\": \"2026-11-20T12:00:00Z\"\n}\n");
        await Lake.LandAsync("intake/events/utf16.jsonl", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Intake.Events("2026-11-20T13:00:00Z", 6))]);
        await Lake.LandAsync("intake/events/utf16-nobom.jsonl", Encoding.Unicode.GetBytes(Intake.Events("2026-11-20T14:00:00Z", 7)));
        await Lake.LandAsync("intake/events/empty.jsonl", "");

        // Columns without values: a header-only file, an empty column, a file whose every row is quarantined.
        await Lake.LandAsync("intake/signups/header-only.csv", "id,signed_up,opt_in,coupon\n");
        await Lake.LandAsync("intake/signups/empty-opt-in.csv", Intake.Signups((50, "2026-11-21T12:00:00Z", "", "")));
        await Lake.LandAsync("intake/signups/all-bad.csv", Intake.Signups((60, "never", "maybe", "")));

        // Parsing messages: CR-only line ends, blanks around header names, UTF-16 CSV.
        await Lake.LandAsync("intake/signups/cr-only.csv", Intake.Signups((70, "2026-11-22T08:00:00Z", "true", ""), (71, "2026-11-22T09:00:00Z", "false", "")).Replace('\n', '\r'));
        await Lake.LandAsync("intake/signups/spaced-header.csv", "id , signed_up , opt_in , coupon\n80,2026-11-22T10:00:00Z,true,\n");
        await Lake.LandAsync("intake/signups/utf16.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Intake.Signups((90, "2026-11-22T11:00:00Z", "false", "")))]);

        // A poison file: its parse fails every time (its raw copy is gone).
        await Lake.LandAsync("intake/signups/poison.csv", Intake.Signups((99, "2026-11-22T12:00:00Z", "true", "")));
        await DeleteRawAsync("signups", "poison.csv");
    }

    private static DatasetRunSummary Line(RunSummary run, string dataset) => run.Datasets.Single(d => d.Dataset == dataset);

    private async Task<long[]> IdsAsync(string dataset) => [.. (await RowsAsync(dataset, "id")).Select(r => Convert.ToInt64(r["id"], System.Globalization.CultureInfo.InvariantCulture))];
}
