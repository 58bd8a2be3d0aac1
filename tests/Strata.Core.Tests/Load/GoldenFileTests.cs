using System.Text.Json;
using Strata.Definitions;
using Strata.Tests.TestSupport;

namespace Strata.Tests.Load;

/// <summary>
/// Golden files under <c>data/load/</c>: a raw file, the outcome it must give and the exact
/// quarantine records it must write. Regenerate by hand when a rule changes on purpose.
/// </summary>
public sealed class GoldenFileTests
{
    /// <summary>The web entries source of the sweepstakes pipeline.</summary>
    private static readonly SourceDefinition s_webEntries = LoadHarness.Source() with
    {
        Format = SourceFormat.Csv,
        Schema =
        [
            new ColumnHint("entry_id", ColumnType.Int64, Required: true),
            new ColumnHint("entered_at", ColumnType.Timestamp, Required: true),
            new ColumnHint("email", ColumnType.String, Required: true),
        ],
        Pii = [new PiiRule("email", PiiAction.Tokenise, PiiNormalise.TrimLower), new PiiRule("phone", PiiAction.Drop)],
    };

    [Fact]
    public async Task EntriesWebMixed_GivesItsGoldenOutcomeAndQuarantine()
    {
        using var harness = new LoadHarness();
        var folder = RepoPaths.Combine("tests", "Strata.Core.Tests", "data", "load");
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "entries-web-mixed.expected.json")));

        var outcome = await harness.ParseFileAsync(s_webEntries, Path.Combine(folder, "entries-web-mixed.csv"), "entries-web-mixed.csv");

        var want = expected.RootElement;
        Assert.Null(outcome.FileError);
        Assert.Equal(want.GetProperty("rowsRead").GetInt64(), outcome.RowsRead);
        Assert.Equal(want.GetProperty("rowsLoaded").GetInt64(), outcome.RowsLoaded);
        Assert.Equal(want.GetProperty("rowsQuarantined").GetInt64(), outcome.RowsQuarantined);
        Assert.Equal(want.GetProperty("schema").GetString(), outcome.Schema.ToString());
        Assert.Equal(
            want.GetProperty("partitions").EnumerateObject().Select(p => (p.Name, p.Value.GetInt64())),
            outcome.Fragments.Select(f => (f.Partition, f.Rows)));
        Assert.Equal(
            await File.ReadAllLinesAsync(Path.Combine(folder, "entries-web-mixed.quarantine.jsonl")),
            await File.ReadAllLinesAsync(harness.Sink.QuarantinePath));
        var day = await harness.RowsAsync("2026-11-20");
        Assert.Equal(day[0]["email"], new Strata.Load.Pii.PiiTokenizer(LoadHarness.Key).Tokenise("ann@example.com", PiiNormalise.None));
        Assert.Equal("mobile, app", day[2]["channel"]);
        Assert.Equal("web\r\nsecond line", (await harness.RowsAsync("2026-11-21"))[0]["channel"]);
    }
}
