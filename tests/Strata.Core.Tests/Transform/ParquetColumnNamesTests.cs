using DuckDB.NET.Data;
using Strata.Testing;
using Strata.Transform;

namespace Strata.Tests.Transform;

/// <summary>The columns read from many footers at once are exactly the columns DuckDB describes for each file, nested types included.</summary>
public sealed class ParquetColumnNamesTests : IDisposable
{
    private readonly ScratchFolder _folder = new("strata-column-names");


    [Fact]
    public void Read_FilesWithNestedColumns_GivesEachFilesTopLevelColumnsAsDescribeDoes()
    {
        var files = new[]
        {
            _folder.Parquet("flat", "SELECT 1 AS id, 'a' AS name"),
            _folder.Parquet("nested", "SELECT {'x': 1, 'y': {'z': [1, 2]}} AS point, [{'k': 1}] AS items, MAP {'a': 1} AS tags, 2 AS after"),
            _folder.Parquet("one", "SELECT 3 AS \"Odd Name\""),
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

    public void Dispose() => _folder.Dispose();
}
