using System.Globalization;
using DuckDB.NET.Data;
using Strata.Definitions;
using Strata.Load.Schema;
using Strata.Transform;

namespace Strata.Modes;

/// <summary>
/// Keeps the latest row per key of an assembled upsert partition, in DuckDB: per key the row with
/// the highest sequence (nulls lowest), a tie going to the row later in the file — the assembled
/// file holds fragments in landing order and each fragment's rows in file order, so "later" is
/// "landed later, or later in the same file". A key whose latest row carries the delete marker is
/// left out. The marker column itself stays, so every mode's partitions have the source's columns.
/// Memory is DuckDB's <see cref="TransformOptions.MemoryLimit"/>; past it the window spills to
/// <see cref="TransformOptions.TempDirectory"/>.
/// </summary>
public static class UpsertMerge
{
    /// <summary>Writes the merged rows of <paramref name="assembled"/> to <paramref name="output"/>; returns how many.</summary>
    /// <param name="rule">Key, sequence and delete marker.</param>
    /// <param name="schema">The assembled file's columns (a marker column it lacks means no deletes).</param>
    /// <param name="assembled">The partition's fragments as one Parquet file, in landing order.</param>
    /// <param name="output">The Parquet file to write.</param>
    /// <param name="options">DuckDB's memory limit, threads and spill folder.</param>
    public static long Run(UpsertRule rule, SourceSchema schema, string assembled, string output, TransformOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Directory.CreateDirectory(options.TempDirectory);
        Execute(connection, $"SET memory_limit = {SqlEngine.Quote(options.MemoryLimit)}");
        Execute(connection, $"SET threads = {options.Threads.ToString(CultureInfo.InvariantCulture)}");
        Execute(connection, $"SET temp_directory = {SqlEngine.Quote(options.TempDirectory)}");
        Execute(connection, "SET preserve_insertion_order = false");
        Execute(connection, "SET TimeZone = 'UTC'");
        Execute(connection, $"COPY ({Sql(rule, schema, assembled)}) TO {SqlEngine.Quote(output)} (FORMAT parquet, COMPRESSION zstd)");

        using var count = connection.CreateCommand();
        count.CommandText = $"SELECT CAST(coalesce(sum(num_rows), 0) AS BIGINT) FROM parquet_file_metadata({SqlEngine.Quote(output)})";
        return Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The merge as one SELECT over the assembled file.</summary>
    public static string Sql(UpsertRule rule, SourceSchema schema, string assembled)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(assembled);

        // file_row_number is the row's position in the assembled file: landing order, then file order.
        var latest = $"SELECT * FROM read_parquet({SqlEngine.Quote(assembled)}, file_row_number = true) " +
            $"QUALIFY row_number() OVER (PARTITION BY {string.Join(", ", rule.Key.Select(Identifier))} " +
            $"ORDER BY {Identifier(rule.Sequence)} DESC NULLS LAST, file_row_number DESC) = 1";

        // A partition whose files never had the marker column has no deletes in it.
        var marker = rule.DeleteColumn is { } column && schema.Columns.Any(c => c.Name == column) ? Identifier(column) : null;
        var kept = marker is null ? latest : $"SELECT * FROM ({latest}) WHERE {marker} IS NULL OR CAST({marker} AS VARCHAR) <> {SqlEngine.Quote(rule.DeleteValue)}";
        return $"SELECT * EXCLUDE (file_row_number) FROM ({kept})";
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
