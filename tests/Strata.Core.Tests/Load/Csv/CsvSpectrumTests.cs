using System.Text.Json;
using Strata.Definitions;
using Strata.Tests.TestSupport;

namespace Strata.Tests.Load.Csv;

/// <summary>
/// csv-spectrum (the npm CSV conformance suite): every case must load to exactly the values its
/// JSON gives. The JSON values are strings, so every column is declared a string: this tests the
/// tokenizer (quotes, escapes, embedded newlines, CRLF, UTF-8), not inference.
/// </summary>
public sealed class CsvSpectrumTests
{
    /// <summary>
    /// Known mistakes in csv-spectrum 2.0.0's expected JSON, as (case, column) → the value its CSV
    /// really holds. If upstream fixes one, <see cref="Errata_StillDifferFromTheSuiteJson"/> fails:
    /// remove it here.
    /// </summary>
    private static readonly Dictionary<(string Case, string Column), string> s_errata = new()
    {
        [("location_coordinates", "Contact Phone Number")] = "2095257564",
    };

    public static TheoryData<string> Cases()
    {
        var suite = RepoPaths.NodePackageAsync("csv-spectrum").GetAwaiter().GetResult();
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(suite, "csvs"), "*.csv").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_LoadsToExactlyTheValuesItsJsonGives(string name)
    {
        var suite = await RepoPaths.NodePackageAsync("csv-spectrum");
        var expected = Expected(suite, name);
        var source = LoadHarness.Unpartitioned() with
        {
            Schema = [.. expected[0].Keys.Select(k => new ColumnHint(k, ColumnType.String, Required: false))],
        };
        using var harness = new LoadHarness();

        var outcome = await harness.ParseBytesAsync(source, name + ".csv", await File.ReadAllBytesAsync(Path.Combine(suite, "csvs", name + ".csv")));

        Assert.Null(outcome.FileError);
        Assert.Equal(0, outcome.RowsQuarantined);
        var rows = await harness.RowsAsync("all");
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Keys, rows[i].Keys);
            foreach (var (column, value) in expected[i])
            {
                var want = s_errata.GetValueOrDefault((name, column), value);
                Assert.True(want == (string?)rows[i][column], $"{name} row {i} '{column}': got [{rows[i][column]}], expected [{want}]");
            }
        }
    }

    [Fact]
    public async Task Errata_StillDifferFromTheSuiteJson()
    {
        var suite = await RepoPaths.NodePackageAsync("csv-spectrum");

        foreach (var ((name, column), actual) in s_errata)
        {
            Assert.NotEqual(actual, Expected(suite, name)[0][column]);
            Assert.Contains(actual, await File.ReadAllTextAsync(Path.Combine(suite, "csvs", name + ".csv")), StringComparison.Ordinal);
        }
    }

    /// <summary>The suite's JSON: an array of objects (one case has a bare object), values as strings.</summary>
    private static List<Dictionary<string, string>> Expected(string suite, string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(suite, "json", name + ".json")));
        var root = json.RootElement;
        var objects = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
        return [.. objects.Select(o => o.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!))];
    }
}
