using Strata.Runs;
using Strata.Schemas;
using Strata.Storage;
using Strata.Testing;

namespace Strata.Tests.Workflow;

/// <summary>One bad raw file is that file's problem: the source's other files load in the same run and every later one.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BadFileIsolationTests(AzuriteFixture azurite) : IntakeLakeTest(azurite)
{
    [Fact]
    public async Task WideCsvs_Load_AndNoStoredEntityGrowsWithTheColumnCount()
    {
        await Lake.LandAsync("intake/wide/w600.csv", Intake.Wide(600, 3, 1, "2026-11-20"));
        await Lake.LandAsync("intake/wide/w20000.csv", Intake.Wide(20_000, 2, 100, "2026-11-21"));
        await Lake.LandAsync("intake/signups/a.csv", Intake.Signups((1, "2026-11-20T10:00:00Z", "true", "")));

        var run = await Lake.RunAsync("intake");

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal([1L, 2L, 3L], (await WideAsync("2026-11-20", "c00000, c00599")).Select(r => r["c00000"]));
        var widest = await WideAsync("2026-11-21", "c00000, c19999");
        Assert.Equal([19_999L, 20_000L], widest.Select(r => r["c19999"]));
        var (version, schema, _) = await Lake.Get<SchemaStore>().CurrentAsync("wide", CancellationToken.None);
        Assert.Equal((2, 20_000), (version, schema.Columns.Count));
        Assert.Single(await RowsAsync("signups"));

        // Bounded whatever the column count: the widest row is the run summary with its capped list of drift events.
        var (chars, where) = await LargestStoredPropertyAsync();
        Assert.True(chars <= 16_000, $"{where} holds {chars} characters");
        Assert.Equal(BoundedText.ListItems, run.Datasets.Single(d => d.Dataset == "wide").DriftEvents.Count);

        await Lake.LandAsync("intake/wide/w600-again.csv", Intake.Wide(600, 1, 7, "2026-11-22"));
        await Lake.LandAsync("intake/signups/b.csv", Intake.Signups((2, "2026-11-22T10:00:00Z", "false", "")));
        var later = await Lake.RunAsync("intake");

        Assert.Equal(RunStatus.Completed, later.Status);
        Assert.Equal([7L], (await WideAsync("2026-11-22", "c00000")).Select(r => r["c00000"]));
        Assert.Equal(2, (await RowsAsync("signups")).Count);
    }

    private async Task<List<Dictionary<string, object?>>> WideAsync(string day, string columns)
    {
        var file = await Lake.DownloadAsync(LakeContainers.Load, (await Lake.PartitionAsync("wide", day))!.OutputPath);
        return DuckDbReader.Query($"SELECT {columns} FROM read_parquet({DuckDbReader.Quote(file)}) ORDER BY c00000");
    }

    [Fact]
    public async Task PoisonFile_FailsOnlyItself_IsRetried_ThenQuarantinedAsAFile_AndTheSourceMovesOn()
    {
        await Lake.LandAsync("intake/signups/good.csv", Intake.Signups((1, "2026-11-20T10:00:00Z", "true", "")));
        await Lake.LandAsync("intake/signups/poison.csv", Intake.Signups((2, "2026-11-21T10:00:00Z", "false", "")));
        await DeleteRawAsync("signups", "poison.csv");

        var first = await Lake.RunAsync("intake");
        await Lake.LandAsync("intake/signups/second.csv", Intake.Signups((3, "2026-11-22T10:00:00Z", "true", "")));
        var second = await Lake.RunAsync("intake");
        var third = await Lake.RunAsync("intake");
        var fourth = await Lake.RunAsync("intake");

        Assert.Equal(RunStatus.CompletedWithFailures, first.Status);
        var failure = Assert.Single(first.Datasets.Single(d => d.Dataset == "signups").Failures);
        Assert.Contains("poison.csv: parse failed (attempt 1 of 3; the next run tries again)", failure, StringComparison.Ordinal);
        Assert.Equal(RunStatus.CompletedWithFailures, second.Status);
        Assert.Contains("attempt 2 of 3", Assert.Single(second.Datasets.Single(d => d.Dataset == "signups").Failures), StringComparison.Ordinal);
        Assert.Equal(RunStatus.CompletedWithWarnings, third.Status); // a file quarantined whole warns the run
        var quarantined = Assert.Single(third.Datasets.Single(d => d.Dataset == "signups").FilesQuarantined);
        Assert.Contains("poison.csv: file: parsing failed 3 times (Strata:Load:MaxParseAttempts is 3)", quarantined, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Completed, fourth.Status);
        Assert.Equal(0, fourth.PartitionsBuilt);
        Assert.Equal([1L, 3L], (await RowsAsync("signups", "id")).Select(r => r["id"]));
        Assert.Equal([1L, 3L], (await RowsAsync("members", "id")).Select(r => r["id"]));
        var page = await Lake.Get<Strata.Status.QuarantineReader>().ReadAsync("intake", null, 10, CancellationToken.None);
        Assert.Contains(page.Records, r => r.Line == 0 && r.Reason.Contains("parsing failed 3 times", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JsonLinesFilesThatAreNotJsonLines_AreLoadedOrQuarantinedAsFiles_NeverFailTheRun()
    {
        await Lake.LandAsync("intake/events/normal.jsonl", Intake.Events("2026-11-20T10:00:00Z", 1, 2));
        await Lake.LandAsync("intake/events/array.jsonl", "[" + Intake.Events("2026-11-20T11:00:00Z", 3, 4).Trim().Replace("\n", ",", StringComparison.Ordinal) + "]");
        await Lake.LandAsync("intake/events/pretty.jsonl", "{\n  \"id\": 5,\n  \"at\": \"2026-11-20T12:00:00Z\"\n}\n");
        await Lake.LandAsync("intake/events/utf16.jsonl", [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(Intake.Events("2026-11-20T13:00:00Z", 6))]);
        await Lake.LandAsync("intake/events/utf16-nobom.jsonl", System.Text.Encoding.Unicode.GetBytes(Intake.Events("2026-11-20T14:00:00Z", 7)));
        await Lake.LandAsync("intake/events/empty.jsonl", "");

        var run = await Lake.RunAsync("intake");

        Assert.Equal(RunStatus.CompletedWithWarnings, run.Status); // two files quarantined whole
        Assert.Equal([1L, 2L, 3L, 4L, 6L], (await RowsAsync("events", "id")).Select(r => r["id"]));
        var files = run.Datasets.Single(d => d.Dataset == "events").FilesQuarantined;
        Assert.Equal(2, files.Count);
        Assert.Contains(files, f => f.Contains("-pretty.jsonl: file: none of its 4 records is a JSON object", StringComparison.Ordinal) && f.Contains("pretty-printed JSON", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("-utf16-nobom.jsonl: file: the file looks like UTF-16 text without a byte-order mark", StringComparison.Ordinal));
    }
}
