using System.Text;
using Strata.Definitions;
using Strata.Load.Schema;

namespace Strata.Tests.Load;

/// <summary>Files nobody here wrote: each loads, or is quarantined as a file with a reason that says what to do.</summary>
public sealed class HostileFileTests
{
    private static readonly SourceDefinition s_jsonl = LoadHarness.Source() with { Format = SourceFormat.JsonLines };

    [Fact]
    public async Task JsonLinesSource_GivenOneJsonArray_LoadsItsElementsAsRows()
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(s_jsonl, "a.jsonl", "[\n {\"id\": 1, \"entered_at\": \"2026-11-20T10:00:00Z\"},\n {\"id\": 2, \"entered_at\": \"2026-11-20T11:00:00Z\"}\n]\n");

        Assert.Null(outcome.FileError);
        Assert.Equal([1L, 2L], (await harness.RowsAsync("2026-11-20")).Select(r => r["id"]));
    }

    [Theory]
    [InlineData("{\n  \"id\": 1,\n  \"entered_at\": \"2026-11-20T10:00:00Z\"\n}\n", "pretty-printed JSON")]
    [InlineData("id,entered_at\n1,2026-11-20T10:00:00Z\n", "none of its 2 records is a JSON object")]
    public async Task JsonLinesSource_GivenAFileWithNoJsonObjectLine_QuarantinesTheFileWithTheReason(string text, string reason)
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(s_jsonl, "a.jsonl", text);

        Assert.Contains(reason, outcome.FileError, StringComparison.Ordinal);
        Assert.Empty(outcome.Fragments);
        var record = Assert.Single(harness.Quarantine());
        Assert.Equal(0, record.GetProperty("line").GetInt64());
        Assert.StartsWith("file: none of its", record.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n")]
    public async Task JsonLinesSource_GivenAnEmptyFile_LoadsNothingAndDoesNotFail(string text)
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(s_jsonl, "a.jsonl", text);

        Assert.Null(outcome.FileError);
        Assert.Equal(0, outcome.RowsRead);
        Assert.Empty(outcome.Fragments);
        Assert.Empty(outcome.Schema.Columns);
    }

    [Fact]
    public async Task JsonLinesSource_GivenEmptyObjects_QuarantinesTheFile()
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(LoadHarness.Unpartitioned() with { Format = SourceFormat.JsonLines }, "a.jsonl", "{}\n{}\n");

        Assert.Contains("none of its 2 records has a field", outcome.FileError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public async Task Utf16Or32WithAByteOrderMark_IsTranscoded_JsonLinesAndCsvAlike(string encodingName)
    {
        using var harness = new LoadHarness();
        var encoding = Encoding.GetEncoding(encodingName);
        var jsonl = encoding.GetPreamble().Concat(encoding.GetBytes("{\"id\": 1, \"entered_at\": \"2026-11-20T10:00:00Z\", \"name\": \"Zoë\"}\n")).ToArray();
        var csv = encoding.GetPreamble().Concat(encoding.GetBytes("id,entered_at,name\r\n2,2026-11-20T10:00:00Z,Zoë\r\n")).ToArray();

        var fromJson = await harness.ParseBytesAsync(s_jsonl, "a.jsonl", jsonl);
        var jsonRows = await harness.RowsAsync("2026-11-20");
        var fromCsv = await harness.ParseBytesAsync(LoadHarness.Source(), "a.csv", csv);
        var csvRows = await harness.RowsAsync("2026-11-20");

        Assert.Null(fromJson.FileError);
        Assert.Null(fromCsv.FileError);
        Assert.Equal(["id", "entered_at", "name"], fromCsv.Schema.Columns.Select(c => c.Name));
        Assert.Equal("Zoë", Assert.Single(jsonRows)["name"]);
        Assert.Equal("Zoë", Assert.Single(csvRows)["name"]);
    }

    [Theory]
    [InlineData("a.jsonl", "{\"id\": 1}\n")]
    [InlineData("a.csv", "id,entered_at\n1,2026-11-20\n")]
    public async Task Utf16WithoutAByteOrderMark_IsAFileErrorNamingTheEncoding(string name, string text)
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseBytesAsync(LoadHarness.Source(), name, Encoding.Unicode.GetBytes(text));

        Assert.Contains("looks like UTF-16 text without a byte-order mark", outcome.FileError, StringComparison.Ordinal);
        Assert.Contains("save it as UTF-8", outcome.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvWithCrOnlyLineEndings_LoadsItsRows()
    {
        using var harness = new LoadHarness();
        var header = string.Join(",", Enumerable.Range(1, 12).Select(i => $"c{i}"));
        var row = string.Join(",", Enumerable.Range(1, 12));

        var outcome = await harness.ParseTextAsync(LoadHarness.Unpartitioned(), "a.csv", $"{header}\r{row}\r{row}\r\"multi\rline\",{string.Join(",", Enumerable.Range(2, 11))}\r");

        Assert.Null(outcome.FileError);
        Assert.Equal(3, outcome.RowsLoaded);
        Assert.Equal(12, outcome.Schema.Columns.Count);
        Assert.Equal("multi\nline", (await harness.RowsAsync("all"))[2]["c1"]);
    }

    [Fact]
    public async Task CsvHeaderWithBlanksAroundNames_NamesTheColumnsWithoutThem()
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(LoadHarness.Source(), "a.csv", "id , entered_at,\tamount\n1,2026-11-20T10:00:00Z,2.5\n");

        Assert.Null(outcome.FileError);
        Assert.Equal(["id", "entered_at", "amount"], outcome.Schema.Columns.Select(c => c.Name));
        Assert.Equal(2.5m, Assert.Single(await harness.RowsAsync("2026-11-20"))["amount"]);
    }

    [Theory]
    [InlineData("id,Entered_At\n1,2026-11-20\n", "'Entered_At' differs only in case", "set partition.column to 'Entered_At'")]
    [InlineData("id,when\n1,2026-11-20\n", "its columns: id, when", "add the column to the file, or set partition.column")]
    [InlineData("id,,x\n1,2,3\n", "header column 2 of 3 has no name", "is the delimiter ',' right?")]
    public async Task CsvHeaderProblems_SayWhatIsWrongAndWhatToDo(string text, string what, string todo)
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(LoadHarness.Source(), "a.csv", text);

        Assert.Contains(what, outcome.FileError, StringComparison.Ordinal);
        Assert.Contains(todo, outcome.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ColumnsWithoutValues_CarryNoType_AndAreNotWritten()
    {
        using var harness = new LoadHarness();

        var headerOnly = await harness.ParseTextAsync(LoadHarness.Unpartitioned(), "a.csv", "id,opt_in\n");
        var emptyColumn = await harness.ParseTextAsync(LoadHarness.Unpartitioned(), "b.csv", "id,opt_in\n1,\n2,\"\"\n");

        Assert.Equal(new SchemaColumn("opt_in", ColumnType.String, 0, true) { NoValues = true }, headerOnly.Schema.Find("opt_in"));
        Assert.Equal(new SchemaColumn("id", ColumnType.String, 0, true) { NoValues = true }, headerOnly.Schema.Find("id"));
        Assert.True(emptyColumn.Schema.Find("opt_in")!.NoValues);
        Assert.All(await harness.RowsAsync("all"), r => Assert.False(r.ContainsKey("opt_in"))); // left out of the fragment: no placeholder type for readers
    }
}
