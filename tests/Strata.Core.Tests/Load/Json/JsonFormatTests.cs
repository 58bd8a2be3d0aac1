using System.Text;
using Strata.Definitions;

namespace Strata.Tests.Load.Json;

public sealed class JsonFormatTests
{
    [Fact]
    public async Task JsonLines_NestedValuesBecomeJsonText_AndKeysUnion()
    {
        using var harness = new LoadHarness();
        var text = "{\"id\":1,\"tags\":[\"a\",\"b\"],\"who\":{\"name\":\"Ann\"}}\n\n{\"id\":2,\"extra\":\"x\\ny\",\"who\":null}\r\n";

        var outcome = await harness.ParseTextAsync(LoadHarness.Unpartitioned(), "a.jsonl", text);

        Assert.Equal(["id", "tags", "who", "extra"], outcome.Schema.Columns.Select(c => c.Name));
        Assert.Equal([ColumnType.Int64, ColumnType.String, ColumnType.String, ColumnType.String], outcome.Schema.Columns.Select(c => c.Type));
        var rows = await harness.RowsAsync("all");
        Assert.Equal("[\"a\",\"b\"]", rows[0]["tags"]);
        Assert.Equal("{\"name\":\"Ann\"}", rows[0]["who"]);
        Assert.Null(rows[0]["extra"]);
        Assert.Equal("x\ny", rows[1]["extra"]);
        Assert.Null(rows[1]["who"]);
    }

    [Fact]
    public async Task JsonLines_InvalidLine_IsQuarantinedWithItsLineNumber()
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(LoadHarness.Unpartitioned(), "a.ndjson", "{\"id\":1}\n{\"id\":2,}\n[1,2]\n{\"id\":4} trailing\n{\"id\":5}\n");

        Assert.Equal(2, outcome.RowsLoaded);
        var quarantined = harness.Quarantine();
        Assert.Equal([2L, 3L, 4L], quarantined.Select(q => q.GetProperty("line").GetInt64()));
        Assert.StartsWith("invalid JSON", quarantined[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("not a JSON object", quarantined[1].GetProperty("reason").GetString());
        Assert.Equal("{\"id\":2,}", quarantined[0].GetProperty("raw").GetString());
    }

    [Fact]
    public async Task JsonArray_IsStreamed_AndAnElementThatIsNotAnObjectIsQuarantined()
    {
        using var harness = new LoadHarness();
        var text = new StringBuilder("[\n");
        for (var i = 0; i < 30_000; i++)
        {
            text.Append("  {\"id\": ").Append(i).Append(", \"note\": \"").Append(new string('x', i % 50)).Append("\"},\n");
        }

        text.Append("  42\n]\n");

        var outcome = await harness.ParseTextAsync(LoadHarness.Unpartitioned(), "a.json", text.ToString());

        Assert.Null(outcome.FileError);
        Assert.Equal(30_000, outcome.RowsLoaded);
        var record = Assert.Single(harness.Quarantine());
        Assert.Equal("array element is not a JSON object", record.GetProperty("reason").GetString());
        Assert.Equal(30_002, record.GetProperty("line").GetInt64());
        Assert.Equal(Enumerable.Range(0, 30_000).Select(i => (object)(long)i), (await harness.RowsAsync("all")).Select(r => r["id"]));
    }

    [Theory]
    [InlineData("{\"id\":1}")]
    [InlineData("[{\"id\":1} {\"id\":2}]")]
    [InlineData("[{\"id\":1},")]
    [InlineData("[{\"id\":1}] extra")]
    [InlineData("[{\"id\":1, \"x\": tru}]")]
    public async Task JsonArray_WithABrokenStructure_IsAFileError(string text)
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(LoadHarness.Unpartitioned() with { Format = SourceFormat.JsonArray }, "a.json", text);

        Assert.NotNull(outcome.FileError);
        Assert.Empty(outcome.Fragments);
        Assert.Equal(0, Assert.Single(harness.Quarantine()).GetProperty("line").GetInt64());
    }

    [Fact]
    public async Task JsonFile_StartingWithABrace_IsReadAsJsonLines()
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(LoadHarness.Unpartitioned(), "a.json", "{\"id\":1}\n{\"id\":2}\n");

        Assert.Equal(2, outcome.RowsLoaded);
    }

    [Fact]
    public async Task JsonString_WithInvalidUtf8_QuarantinesTheRow()
    {
        using var harness = new LoadHarness();
        var bytes = Encoding.UTF8.GetBytes("[{\"id\":1},{\"id\":2,\"s\":\"").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("\"},{\"id\":3}]")).ToArray();

        var outcome = await harness.ParseBytesAsync(LoadHarness.Unpartitioned(), "a.json", bytes);

        Assert.Equal(2, outcome.RowsLoaded);
        Assert.Equal("invalid UTF-8", Assert.Single(harness.Quarantine()).GetProperty("reason").GetString());
    }
}
