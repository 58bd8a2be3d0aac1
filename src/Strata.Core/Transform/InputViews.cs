using DuckDB.NET.Data;
using Strata.Definitions;
using Strata.Load.Schema;

namespace Strata.Transform;

/// <summary>
/// The SQL of one input's view. Files are read with <c>union_by_name</c>. A source input with a
/// known schema gets exactly its current columns in schema order, each cast to its current type
/// (so a partition written when <c>qty</c> was an integer reads it as the double it is now), a
/// column no selected file has as a typed null (a day file without an optional column reads
/// like the others instead of failing with a binder error), then any column the files have
/// beyond the schema. Without a schema (integrate and action inputs) the view is the files'
/// union as it is.
/// </summary>
internal static class InputViews
{
    /// <param name="connection">The job's database.</param>
    /// <param name="job">The job.</param>
    /// <param name="input">The input whose view this is.</param>
    /// <param name="known">Columns already read per file (<see cref="SqlSession.ReadColumns"/>); files not in it are described.</param>
    public static string Sql(DuckDBConnection connection, SqlJob job, SqlInput input, IReadOnlyDictionary<string, List<string>> known)
    {
        var files = input.Files.Count > 0 ? $"read_parquet([{string.Join(", ", input.Files.Select(SqlEngine.Quote))}], union_by_name = true)" : null;
        if (input.Schema is { Columns.Count: > 0 } schema)
        {
            var present = files is null ? [] : ColumnsOf(connection, input.Files, files, known);
            var select = schema.Columns
                .Select(c => present.Contains(c.Name)
                    ? $"CAST({SqlEngine.Identifier(c.Name)} AS {TypeOf(c)}) AS {SqlEngine.Identifier(c.Name)}"
                    : $"CAST(NULL AS {TypeOf(c)}) AS {SqlEngine.Identifier(c.Name)}")
                .Concat(present.Where(name => schema.Find(name) is null).Select(SqlEngine.Identifier));
            return files is null
                ? $"SELECT {string.Join(", ", select)} LIMIT 0"
                : $"SELECT {string.Join(", ", select)} FROM {files}";
        }

        if (files is not null)
        {
            return $"SELECT * FROM {files}";
        }

        if (input.SchemaSample is not null)
        {
            return $"SELECT * FROM read_parquet({SqlEngine.Quote(input.SchemaSample)}) LIMIT 0";
        }

        throw new SqlException(job.Dataset, job.Partition, $"input '{input.Name}' has no committed partitions yet, so its columns are unknown; run its pipeline once it has data");
    }

    /// <summary>The DuckDB type load's Parquet for a column reads as (timestamps are UTC-adjusted, so WITH TIME ZONE).</summary>
    public static string TypeOf(SchemaColumn column) => column.Type switch
    {
        ColumnType.Boolean => "BOOLEAN",
        ColumnType.Int64 => "BIGINT",
        ColumnType.Decimal => $"DECIMAL({SchemaColumn.DecimalPrecision},{column.Scale})",
        ColumnType.Double => "DOUBLE",
        ColumnType.Date => "DATE",
        ColumnType.Timestamp => "TIMESTAMP WITH TIME ZONE",
        _ => "VARCHAR",
    };

    /// <summary>The union of the files' columns, in the order <c>union_by_name</c> reads them.</summary>
    private static HashSet<string> ColumnsOf(DuckDBConnection connection, IReadOnlyList<string> paths, string files, IReadOnlyDictionary<string, List<string>> known)
    {
        if (paths.All(known.ContainsKey))
        {
            return [.. paths.SelectMany(p => known[p])];
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT column_name FROM (DESCRIBE SELECT * FROM {files})";
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
