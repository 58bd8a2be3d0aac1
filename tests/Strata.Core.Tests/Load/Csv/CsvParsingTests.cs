using System.Text;
using Strata.Definitions;

namespace Strata.Tests.Load.Csv;

public sealed class CsvParsingTests
{
    private static readonly SourceDefinition s_text = LoadHarness.Unpartitioned();

    [Fact]
    public async Task Csv_WithEmbeddedNewlines_KeepsTheRecordTogether()
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(s_text, "a.csv", "id,note\n1,\"line one\nline two\"\n2,plain\n");

        Assert.Equal(2, outcome.RowsLoaded);
        var rows = await harness.RowsAsync("all");
        Assert.Equal("line one\nline two", rows[0]["note"]);
        Assert.Equal("plain", rows[1]["note"]);
    }

    [Fact]
    public async Task Csv_LineNumbers_AreWhereTheRecordStarts()
    {
        using var harness = new LoadHarness();

        await harness.ParseTextAsync(s_text, "a.csv", "id,note\r\n1,\"two\r\nlines\"\r\n2,ok\r\n3,too,many\r\n4,\"x\ny\nz\",extra\r\n5,ok\r\n");

        var quarantined = harness.Quarantine();
        Assert.Equal([5L, 6L], quarantined.Select(q => q.GetProperty("line").GetInt64()));
        Assert.All(quarantined, q => Assert.Contains("expected 2 fields", q.GetProperty("reason").GetString(), StringComparison.Ordinal));
        Assert.Equal("3,too,many", quarantined[0].GetProperty("raw").GetString());
        Assert.Equal("4,\"x\ny\nz\",extra", quarantined[1].GetProperty("raw").GetString());
    }

    [Fact]
    public async Task Csv_RecordsLongerThanOneRead_AreReadWhole()
    {
        // The reader's window starts at 1 MiB: records of 300 KiB and 1.5 MiB (quoted and not) end
        // past what one read brought in, and the longest one grows the window.
        using var harness = new LoadHarness();
        var unquoted = new string('u', 300 * 1024);
        var quoted = string.Concat(new string('q', 700 * 1024), ",\n\"", new string('r', 800 * 1024));
        var text = $"id,note\n1,short\n2,{unquoted}\n3,\"{quoted.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n4,{unquoted}x\n5,end\n";

        var outcome = await harness.ParseTextAsync(s_text, "a.csv", text);

        Assert.Equal(5, outcome.RowsLoaded);
        var notes = (await harness.RowsAsync("all")).Select(r => (string?)r["note"]).ToList();
        Assert.Equal(["short", unquoted, quoted, unquoted + "x", "end"], notes);
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    public async Task Csv_LongUnquotedRecords_SplitAtEveryDelimiter_OnAndAcross32ByteBlocks(char delimiter)
    {
        // Records are cut 32 bytes at a time: field lengths 0-6 put delimiters on, before and after
        // every block boundary, empty fields (nulls) included, and the last field ends off a boundary.
        using var harness = new LoadHarness();
        const int Columns = 37;
        string Value(int row, int column) => (row * 5 + column * 3) % 7 == 0 && column > 0 ? "" : new string((char)('a' + column % 26), 1 + ((row + column) % 6));
        var text = new StringBuilder(string.Join(delimiter, Enumerable.Range(0, Columns).Select(c => $"c{c}"))).Append('\n');
        for (var row = 0; row < 20; row++)
        {
            text.Append(string.Join(delimiter, Enumerable.Range(0, Columns).Select(c => Value(row, c)))).Append('\n');
        }

        var outcome = await harness.ParseTextAsync(s_text with { Delimiter = delimiter }, "a.csv", text.ToString());

        Assert.Equal(20, outcome.RowsLoaded);
        var rows = await harness.RowsAsync("all");
        for (var row = 0; row < 20; row++)
        {
            for (var c = 0; c < Columns; c++)
            {
                var expected = Value(row, c);
                Assert.Equal(expected.Length == 0 ? null : expected, rows[row][$"c{c}"]);
            }
        }
    }

    [Fact]
    public async Task Csv_QuotedEmpty_IsAnEmptyString_UnquotedEmpty_IsNull()
    {
        using var harness = new LoadHarness();

        // (b has one real value: a column whose every value is empty has no type and loads as nulls.)
        await harness.ParseTextAsync(s_text, "a.csv", "a,b,c\nx,\"\",\ny,text,z\n");

        var row = (await harness.RowsAsync("all"))[0];
        Assert.Equal("x", row["a"]);
        Assert.Equal("", row["b"]);
        Assert.Null(row["c"]);
    }

    [Fact]
    public async Task Csv_WithBomAndCrlfAndBlankLines_ReadsCleanNames()
    {
        using var harness = new LoadHarness();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("name,qty\r\n\r\napple,3\r\n\r\npear,4")).ToArray();

        var outcome = await harness.ParseBytesAsync(s_text, "a.csv", bytes);

        Assert.Equal(["name", "qty"], outcome.Schema.Columns.Select(c => c.Name));
        var rows = await harness.RowsAsync("all");
        Assert.Equal(["apple", "pear"], rows.Select(r => r["name"]));
        Assert.Equal([3L, 4L], rows.Select(r => r["qty"]));
    }

    [Fact]
    public async Task Tsv_UsesTabs_AndCommasAreText()
    {
        using var harness = new LoadHarness();

        await harness.ParseTextAsync(s_text, "a.tsv", "a\tb\nx,y\t2\n");

        var row = Assert.Single(await harness.RowsAsync("all"));
        Assert.Equal("x,y", row["a"]);
        Assert.Equal(2L, row["b"]);
    }

    [Fact]
    public async Task Csv_DeclaredDelimiter_IsUsed()
    {
        using var harness = new LoadHarness();

        await harness.ParseTextAsync(s_text with { Delimiter = ';' }, "a.csv", "a;b\n1,5;x\n");

        var row = Assert.Single(await harness.RowsAsync("all"));
        Assert.Equal("1,5", row["a"]);
    }

    [Theory]
    [InlineData("a,b,a\n1,2,3\n", "repeats the name 'a'")]
    [InlineData("a,,c\n1,2,3\n", "header column 2 of 3 has no name")]
    [InlineData("", "the file is empty")]
    public async Task Csv_WithABadHeader_IsAFileError(string text, string reason)
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(s_text, "a.csv", text);

        Assert.Contains(reason, outcome.FileError, StringComparison.Ordinal);
        Assert.Empty(outcome.Fragments);
        var record = Assert.Single(harness.Quarantine());
        Assert.Equal(0, record.GetProperty("line").GetInt64());
        Assert.StartsWith("file: ", record.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, record.GetProperty("raw").ValueKind);
    }

    [Fact]
    public async Task Csv_ThatIsBinaryGarbage_IsAFileError()
    {
        using var harness = new LoadHarness();
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        garbage[10] = (byte)'\n';

        var outcome = await harness.ParseBytesAsync(s_text with { Format = SourceFormat.Csv }, "a.csv", garbage);

        Assert.NotNull(outcome.FileError);
        Assert.Empty(outcome.Fragments);
        Assert.Single(harness.Quarantine());
    }

    [Fact]
    public async Task Csv_WithInvalidUtf8InAField_QuarantinesThatRowOnly()
    {
        using var harness = new LoadHarness();
        var bytes = Encoding.UTF8.GetBytes("id,name\n1,ok\n2,bad").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\n3,fine\n")).ToArray();

        var outcome = await harness.ParseBytesAsync(s_text, "a.csv", bytes);

        Assert.Equal(2, outcome.RowsLoaded);
        var record = Assert.Single(harness.Quarantine());
        Assert.Equal(3, record.GetProperty("line").GetInt64());
        Assert.Equal("invalid UTF-8 in column 'name'", record.GetProperty("reason").GetString());
        Assert.Equal(Convert.ToBase64String(bytes.AsSpan(13, 7)), record.GetProperty("rawBase64").GetString());
        Assert.Equal(["ok", "fine"], (await harness.RowsAsync("all")).Select(r => r["name"]));
    }

    [Fact]
    public async Task Csv_InvalidUtf8AmongManyReads_QuarantinesExactlyThoseRows()
    {
        // ASCII is checked a buffer at a time and other text a record at a time: over several reads
        // of the 1 MiB window, with multi-byte characters (some split by a read boundary), only the
        // rows with invalid bytes (unquoted or quoted) are quarantined, wherever they fall.
        using var harness = new LoadHarness();
        var content = new MemoryStream();
        var bad = new HashSet<int> { 1500, 1501, 24_000, 39_999 };
        content.Write("id,name\n"u8);
        for (var i = 0; i < 40_000; i++)
        {
            content.Write(Encoding.UTF8.GetBytes($"{i},"));
            if (bad.Contains(i))
            {
                content.Write(i % 2 == 0 ? [(byte)'"', (byte)'q', 0xC3, 0x28, (byte)'"'] : [(byte)'x', 0xE2, 0x82]);
            }
            else
            {
                content.Write(Encoding.UTF8.GetBytes(i % 7 == 0 ? $"Zoë €{i} 𝄞" : $"name number {i:D8} padded to look like a row"));
            }

            content.Write("\n"u8);
        }

        var outcome = await harness.ParseBytesAsync(s_text, "a.csv", content.ToArray());

        Assert.Equal(40_000 - bad.Count, outcome.RowsLoaded);
        Assert.Equal(bad.Order().Select(i => (long)i + 2), harness.Quarantine().Select(q => q.GetProperty("line").GetInt64()));
        Assert.All(harness.Quarantine(), q => Assert.Equal("invalid UTF-8 in column 'name'", q.GetProperty("reason").GetString()));
        var names = (await harness.RowsAsync("all")).Select(r => (string?)r["name"]).ToList();
        Assert.Equal("Zoë €7 𝄞", names[7]);
        Assert.Equal("Zoë €39998 𝄞", names[^1]);
    }

    [Fact]
    public async Task Csv_WithAnUnterminatedQuote_QuarantinesTheRestAsOneRecord()
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(s_text, "a.csv", "a,b\n1,2\n3,\"never closed\n4,5\n");

        Assert.Equal(1, outcome.RowsLoaded);
        var record = Assert.Single(harness.Quarantine());
        Assert.Equal(3, record.GetProperty("line").GetInt64());
        Assert.Contains("unterminated quoted field", record.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_WithTextAfterAClosingQuote_QuarantinesTheRow()
    {
        using var harness = new LoadHarness();

        var outcome = await harness.ParseTextAsync(s_text, "a.csv", "a,b\n\"x\"y,2\n3,4\n");

        Assert.Equal(1, outcome.RowsLoaded);
        Assert.Contains("after the closing quote in column 'a'", Assert.Single(harness.Quarantine()).GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_LargerThanTheReadBuffer_KeepsRecordsThatSpanRefills()
    {
        using var harness = new LoadHarness();
        var text = new StringBuilder("id,note\n");
        for (var i = 0; i < 60_000; i++)
        {
            text.Append(i).Append(i % 3 == 0 ? ",\"multi\nline, \"\"quoted\"\" note\"\n" : ",plain note text\n");
        }

        var outcome = await harness.ParseTextAsync(s_text, "a.csv", text.ToString());

        Assert.Equal(60_000, outcome.RowsLoaded);
        var rows = await harness.RowsAsync("all");
        Assert.Equal(Enumerable.Range(0, 60_000).Select(i => (object)(long)i), rows.Select(r => r["id"]));
        Assert.All(rows.Where(r => (long)r["id"]! % 3 == 0), r => Assert.Equal("multi\nline, \"quoted\" note", r["note"]));
    }

    [Fact]
    public async Task Csv_Gzipped_IsReadByExtensionAndMagicBytes()
    {
        using var harness = new LoadHarness();

        var byName = await harness.ParseBytesAsync(s_text, "a.csv.gz", LoadHarness.Gzip("a,b\n1,2\n"));
        var byMagic = await harness.ParseBytesAsync(s_text with { Format = SourceFormat.Csv }, "upload.bin", LoadHarness.Gzip("a,b\n1,2\n"));

        Assert.Equal(1, byName.RowsLoaded);
        Assert.Equal(1, byMagic.RowsLoaded);
    }

    [Fact]
    public async Task Csv_TruncatedGzip_QuarantinesTheWholeFile()
    {
        using var harness = new LoadHarness();
        var text = new StringBuilder("id,name\n");
        for (var i = 0; i < 5_000; i++)
        {
            text.Append(i).Append(",name ").Append(i * 7919 % 10007).Append('\n');
        }

        var gzip = LoadHarness.Gzip(text.ToString());

        var outcome = await harness.ParseBytesAsync(s_text, "a.csv.gz", gzip[..(gzip.Length * 2 / 3)]);

        Assert.Contains("gzip", outcome.FileError, StringComparison.Ordinal);
        Assert.Empty(outcome.Fragments);
        Assert.Empty(harness.Sink.Opened);
        Assert.Equal(0, outcome.RowsLoaded);
        var record = Assert.Single(harness.Quarantine());
        Assert.Equal(0, record.GetProperty("line").GetInt64());
    }
}
