using DuckDB.NET.Data;
using Strata.Testing;
using Strata.Transform;

namespace Strata.Tests.Transform;

/// <summary>The columns read from many footers at once are exactly the columns DuckDB describes for each file, nested types included.</summary>
public sealed class ParquetColumnNamesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "strata-column-names", Guid.NewGuid().ToString("N"));

    public ParquetColumnNamesTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Read_FilesWithNestedColumns_GivesEachFilesTopLevelColumnsAsDescribeDoes()
    {
        var files = new[]
        {
            Write("flat", "SELECT 1 AS id, 'a' AS name"),
            Write("nested", "SELECT {'x': 1, 'y': {'z': [1, 2]}} AS point, [{'k': 1}] AS items, MAP {'a': 1} AS tags, 2 AS after"),
            Write("one", "SELECT 3 AS \"Odd Name\""),
        };

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var read = ParquetColumnNames.Read(connection, files);

        foreach (var file in files)
        {
            var described = DuckDbReader.Query($"DESCRIBE SELECT * FROM read_parquet({DuckDbReader.Quote(file)})").Select(r => (string)r["column_name"]!);
            Assert.Equal(described, read[file]);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string Write(string name, string sql)
    {
        var file = Path.Combine(_folder, name + ".parquet");
        DuckDbReader.Query($"COPY ({sql}) TO {DuckDbReader.Quote(file)} (FORMAT parquet)");
        return file;
    }
}
