using Microsoft.Extensions.Options;
using Strata.Definitions;
using Strata.Load.Schema;
using Strata.Testing;
using Strata.Transform;

namespace Strata.Tests.Transform;

/// <summary>
/// A session that read its files' columns up front (a batch does) builds a source input's view
/// exactly as one that describes each job's files: a column an older file lacks reads as a typed
/// null, a column beyond the schema is kept, and a file it could not read is described by its job.
/// </summary>
public sealed class SqlSessionTests : IDisposable
{
    private readonly ScratchFolder _folder = new("strata-sql-session");
    private readonly SqlEngine _engine;

    public SqlSessionTests() => _engine = new SqlEngine(Options.Create(new TransformOptions { TempDirectory = Path.Combine(_folder.Path, "spill") }));

    [Fact]
    public void Execute_AfterReadColumns_WritesWhatDescribingEachJobWrites()
    {
        var older = _folder.Parquet("older", "SELECT 1 AS id, 'a' AS name");
        var newer = _folder.Parquet("newer", "SELECT 2 AS id, 'b' AS name, 2.5 AS score, 'x' AS unplanned");
        var schema = new SourceSchema([new("id", ColumnType.Int64, 0, true), new("name", ColumnType.String, 0, true), new("score", ColumnType.Double, 0, true)]);
        string[][] jobs = [[older], [newer], [older, newer]];

        using var described = _engine.OpenSession();
        using var read = _engine.OpenSession();
        read.ReadColumns([older, newer]);
        read.ReadColumns([older, Path.Combine(_folder.Path, "not-there.parquet")]); // unreadable: leaves what was read

        for (var i = 0; i < jobs.Length; i++)
        {
            var expected = Run(described, jobs[i], schema, $"described-{i}");
            var actual = Run(read, jobs[i], schema, $"read-{i}");
            Assert.Equal(expected.Columns, actual.Columns);
            Assert.Equal(expected.Rows, actual.Rows);
        }

        var olderAlone = Run(read, [older], schema, "check");
        Assert.Equal("id:BIGINT name:VARCHAR score:DOUBLE", olderAlone.Columns);
        Assert.Equal("1|a|", olderAlone.Rows);
    }

    public void Dispose() => _folder.Dispose();

    private (string Columns, string Rows) Run(SqlSession session, string[] files, SourceSchema schema, string name)
    {
        var output = Path.Combine(_folder.Path, name + ".parquet");
        var result = session.Execute(new SqlJob("daily", "day=1", "SELECT * FROM events ORDER BY id", [new SqlInput("events", files, null) { Schema = schema }], output));
        var read = $"read_parquet({DuckDbReader.Quote(output)})";
        var columns = string.Join(" ", DuckDbReader.Query($"DESCRIBE SELECT * FROM {read}").Select(r => $"{r["column_name"]}:{r["column_type"]}"));
        var rows = DuckDbReader.Query($"SELECT * FROM {read} ORDER BY id").Select(r => string.Join("|", r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))).ToList();
        Assert.Equal(rows.Count, result.Rows);
        return (columns, string.Join("\n", rows));
    }
}
