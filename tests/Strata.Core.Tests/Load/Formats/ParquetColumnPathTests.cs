using Strata.Definitions;
using Strata.Load;
using Strata.Testing;

namespace Strata.Tests.Load.Formats;

/// <summary>The column path of Parquet input: typed values moved by column give what the row path and DuckDB give.</summary>
public sealed class ParquetColumnPathTests
{
    /// <summary>Every column type the column path moves, nulls in each, several row groups, rows over three days in mixed order.</summary>
    private const string EveryType =
        "SELECT i AS id, " +
        "CASE WHEN i % 5 = 1 THEN NULL ELSE CAST(i * 3 - 7000 AS INTEGER) END AS small, " +
        "CASE WHEN i % 5 = 2 THEN NULL ELSE CAST(i % 120 AS TINYINT) END AS tiny, " +
        "CASE WHEN i % 7 = 3 THEN NULL ELSE CAST(i * 100000 AS UINTEGER) END AS unsigned, " +
        "CASE WHEN i % 5 = 3 THEN NULL ELSE CAST((i - 5000) / 8.0 AS DECIMAL(10,2)) END AS amount, " +
        "CASE WHEN i % 5 = 4 THEN NULL ELSE i / 3.0 END AS score, " +
        "CASE WHEN i % 6 = 0 THEN NULL WHEN i % 6 = 1 THEN '' ELSE 'név ' || i END AS note, " +
        "CASE WHEN i % 4 = 0 THEN NULL ELSE DATE '1969-12-25' + CAST(i % 40 AS INTEGER) END AS day, " +
        "CASE WHEN i % 9 = 0 THEN NULL ELSE i % 3 = 0 END AS flag, " +
        "CASE WHEN i % 8 = 0 THEN NULL ELSE TIMESTAMPTZ '2026-11-20 00:00:00+00' + to_microseconds(i * 7919) END AS seen_tz, " +
        "TIMESTAMP '2026-11-20 00:00:00' + to_microseconds((i * 104729 * 1000003) % 259200000000) AS entered_at " +
        "FROM range(10000) t(i)";

    private const string Columns = "strftime(entered_at, '%Y-%m-%d %H:%M:%S.%f') AS entered_at, id, small, tiny, unsigned, CAST(amount AS VARCHAR) AS amount, score, note, day, flag, strftime(seen_tz, '%Y-%m-%d %H:%M:%S.%f') AS seen_tz";

    [Fact]
    public async Task ParquetInput_OfEveryType_IsLoadedByColumn_AndReadsBackAsDuckDbReadsTheInput()
    {
        using var harness = new LoadHarness();
        var input = WriteInput(harness, EveryType);

        var outcome = await harness.ParseFileAsync(LoadHarness.Source(), input, "input.parquet");

        Assert.True(outcome.Statistics.LoadedByColumn);
        Assert.Null(outcome.FileError);
        Assert.Equal(0, outcome.RowsQuarantined);
        Assert.Equal(["2026-11-20", "2026-11-21", "2026-11-22"], outcome.Fragments.Select(f => f.Partition));
        AssertFragmentsReadAsTheInput(harness, input, outcome);
    }

    [Fact]
    public async Task ParquetInput_ByColumn_WritesTheSameFragmentsAsTheRowPath()
    {
        using var harness = new LoadHarness();
        var input = WriteInput(harness, EveryType);

        // A hint declaring a column's own type asks for a check, which only the row path makes; the rows stay the same.
        var byRow = await harness.ParseFileAsync(LoadHarness.Source() with { Schema = [new ColumnHint("id", ColumnType.Int64, Required: false)] }, input, "input.parquet");
        var byColumn = await harness.ParseFileAsync(LoadHarness.Source(), input, "input.parquet");

        Assert.False(byRow.Statistics.LoadedByColumn);
        Assert.True(byColumn.Statistics.LoadedByColumn);
        Assert.Equal(byRow.Schema.Columns, byColumn.Schema.Columns);
        Assert.Equal(byRow.Fragments.Select(f => (f.Partition, f.Rows, f.OutputHash)), byColumn.Fragments.Select(f => (f.Partition, f.Rows, f.OutputHash)));
    }

    [Fact]
    public async Task ParquetInput_WithANullPartitionValue_TakesTheRowPath_AndQuarantinesThatRow()
    {
        using var harness = new LoadHarness();
        var input = WriteInput(harness, "SELECT i AS id, CASE WHEN i = 2 THEN NULL ELSE TIMESTAMP '2026-11-20 10:00:00' END AS entered_at FROM range(4) t(i)");

        var outcome = await harness.ParseFileAsync(LoadHarness.Source(), input, "input.parquet");

        Assert.False(outcome.Statistics.LoadedByColumn);
        Assert.Equal(3, outcome.RowsLoaded);
        var record = Assert.Single(harness.Quarantine());
        Assert.Equal("partition column 'entered_at' is empty", record.GetProperty("reason").GetString());
        Assert.Equal(3, record.GetProperty("line").GetInt64());
    }

    [Fact]
    public async Task ParquetInput_ByColumn_WithBuffersSmallerThanAnInputRowGroupAndTwoSweeps_CutsTheRowPathsRowGroups()
    {
        using var harness = new LoadHarness();
        var input = WriteInput(harness, EveryType);
        var options = new LoadEngineOptions { MaxBufferedCells = 4_000, MaxOpenFragments = 2 };

        // ~680 rows of each day per 2,048-row input row group against buffers of ~100 rows: most rows overflow a full buffer.
        var byRow = await harness.ParseFileAsync(LoadHarness.Source() with { Schema = [new ColumnHint("id", ColumnType.Int64, Required: false)] }, input, "input.parquet", options);
        var byColumn = await harness.ParseFileAsync(LoadHarness.Source(), input, "input.parquet", options);

        Assert.True(byColumn.Statistics.LoadedByColumn);
        Assert.Equal(2, byColumn.Statistics.Sweeps);
        Assert.True(byColumn.Statistics.RowGroupsWritten > 30, $"{byColumn.Statistics.RowGroupsWritten} row groups");
        Assert.Equal(byRow.Statistics.RowGroupsWritten, byColumn.Statistics.RowGroupsWritten);
        Assert.Equal(byRow.Fragments.Select(f => (f.Partition, f.Rows, f.OutputHash)), byColumn.Fragments.Select(f => (f.Partition, f.Rows, f.OutputHash)));
        AssertFragmentsReadAsTheInput(harness, input, byColumn);
    }

    [Fact]
    public async Task ParquetInput_ByColumn_OverTheStringBudget_WritesTextOutEarly_AndLosesNoRow()
    {
        using var harness = new LoadHarness();
        var input = WriteInput(harness, EveryType);
        var options = new LoadEngineOptions { MaxBufferedStringBytes = 100 * 1024 };

        var outcome = await harness.ParseFileAsync(LoadHarness.Source(), input, "input.parquet", options);

        Assert.True(outcome.Statistics.LoadedByColumn);
        Assert.Equal(10_000, outcome.RowsLoaded);
        Assert.True(outcome.Statistics.RowGroupsWritten > outcome.Fragments.Count, $"{outcome.Statistics.RowGroupsWritten} row groups");
        AssertFragmentsReadAsTheInput(harness, input, outcome);
    }

    [Fact]
    public async Task ParquetInput_Unpartitioned_ByColumn_WritesTheSameFragmentAsTheRowPath()
    {
        using var harness = new LoadHarness();
        var input = WriteInput(harness, EveryType);
        var options = new LoadEngineOptions { MaxBufferedCells = 20_000 };

        var byRow = await harness.ParseFileAsync(LoadHarness.Unpartitioned() with { Schema = [new ColumnHint("id", ColumnType.Int64, Required: false)] }, input, "input.parquet", options);
        var byColumn = await harness.ParseFileAsync(LoadHarness.Unpartitioned(), input, "input.parquet", options);

        Assert.False(byRow.Statistics.LoadedByColumn);
        Assert.True(byColumn.Statistics.LoadedByColumn);
        Assert.Equal(10_000, Assert.Single(byColumn.Fragments).Rows);
        Assert.Equal(byRow.Statistics.RowGroupsWritten, byColumn.Statistics.RowGroupsWritten);
        Assert.Equal(byRow.Fragments.Select(f => (f.Partition, f.Rows, f.OutputHash)), byColumn.Fragments.Select(f => (f.Partition, f.Rows, f.OutputHash)));
    }

    /// <summary>Each fragment, read back by DuckDB, holds exactly DuckDB's read of the input rows of its day.</summary>
    private static void AssertFragmentsReadAsTheInput(LoadHarness harness, string input, ParseOutcome outcome)
    {
        Assert.Null(outcome.FileError);
        Assert.Equal(0, outcome.RowsQuarantined);
        foreach (var fragment in outcome.Fragments)
        {
            var expected = DuckDbReader.Query($"SELECT {Columns} FROM (SELECT * FROM read_parquet({DuckDbReader.Quote(input)}) WHERE CAST(entered_at AS DATE) = DATE '{fragment.Partition}') ORDER BY id");
            var actual = DuckDbReader.Query($"SELECT {Columns} FROM read_parquet({DuckDbReader.Quote(harness.Sink.FragmentPath(fragment.Partition))}) ORDER BY id");
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Count, actual.Count);
            for (var row = 0; row < expected.Count; row++)
            {
                Assert.Equal(expected[row].Select(c => $"{c.Key}={Convert.ToString(c.Value, System.Globalization.CultureInfo.InvariantCulture)}"), actual[row].Select(c => $"{c.Key}={Convert.ToString(c.Value, System.Globalization.CultureInfo.InvariantCulture)}"));
            }
        }
    }

    private static string WriteInput(LoadHarness harness, string select)
    {
        var input = Path.Combine(harness.Folder, $"input-{Guid.NewGuid():N}.parquet");
        DuckDbReader.Query($"COPY ({select}) TO {DuckDbReader.Quote(input)} (FORMAT parquet, ROW_GROUP_SIZE 2048)");
        return input;
    }
}
