using System.Globalization;
using DuckDB.NET.Data;
using Strata.Transform;

namespace Strata.Quality.Profiles;

/// <summary>The statements <see cref="PartitionProfiler"/> runs: each reads many files as one table and answers per file.</summary>
internal static class ProfileQueries
{
    private static readonly string[] NumericTypes = ["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "FLOAT", "DOUBLE", "DECIMAL"];

    /// <summary>Files read as one table, with a column naming each row's file (a name no column of theirs has).</summary>
    public sealed record Source(IReadOnlyList<string> Files, string FileColumn)
    {
        public string File => SqlEngine.Identifier(FileColumn);

        /// <summary>The table function reading them.</summary>
        public string Sql =>
            $"read_parquet([{string.Join(", ", Files.Distinct(StringComparer.Ordinal).Select(SqlEngine.Quote))}], filename = {SqlEngine.Quote(FileColumn)})";
    }

    /// <summary>
    /// The targets' indexes grouped by identical Parquet schema (names, physical and logical types,
    /// repetition), in order of first appearance: files of one group read as one table without a
    /// cast. When the footers cannot all be read, every file is a group of its own.
    /// </summary>
    public static List<List<int>> GroupBySchema(DuckDBConnection connection, IReadOnlyList<ProfileTarget> targets)
    {
        var alone = Enumerable.Range(0, targets.Count).Select(i => new List<int> { i }).ToList();
        if (targets.Count < 2)
        {
            return alone;
        }

        var signatures = new Dictionary<string, System.Text.StringBuilder>(StringComparer.Ordinal);
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM parquet_schema([{string.Join(", ", targets.Select(t => t.ParquetFile).Distinct(StringComparer.Ordinal).Select(SqlEngine.Quote))}])";
            using var reader = command.ExecuteReader();
            var file = reader.GetOrdinal("file_name");
            while (reader.Read())
            {
                var signature = signatures.TryGetValue(reader.GetString(file), out var found) ? found : signatures[reader.GetString(file)] = new();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    signature.Append(i == file ? "" : reader.IsDBNull(i) ? "\u0001" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('\u0000');
                }
            }
        }
        catch (DuckDBException)
        {
            return alone;
        }

        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var ordered = new List<List<int>>();
        for (var i = 0; i < targets.Count; i++)
        {
            // A file the schema read did not name (a path DuckDB spelled otherwise) is profiled alone.
            var key = signatures.TryGetValue(targets[i].ParquetFile, out var signature) ? signature.ToString() : $"\u0002{i}";
            if (!groups.TryGetValue(key, out var group))
            {
                ordered.Add(groups[key] = group = []);
            }

            group.Add(i);
        }

        return ordered;
    }

    /// <summary>The file's columns as DuckDB reads them: name and type.</summary>
    public static List<(string Name, string Type)> Describe(DuckDBConnection connection, string file)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM read_parquet({SqlEngine.Quote(file)})";
        using var reader = command.ExecuteReader();
        var columns = new List<(string, string)>();
        while (reader.Read())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }

    /// <summary>A name for the file column that none of <paramref name="columns"/> has (DuckDB compares names without case).</summary>
    public static string UnusedName(IReadOnlyList<(string Name, string Type)> columns)
    {
        var name = "strata_profiled_file";
        for (var n = 2; columns.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)); n++)
        {
            name = $"strata_profiled_file_{n}";
        }

        return name;
    }

    /// <summary>Per file that has rows: its rows, and per column nulls, min, max (as text, and as numbers for numeric columns) and distinct estimate.</summary>
    public static Dictionary<string, (long Rows, List<ColumnProfile> Columns)> Aggregates(DuckDBConnection connection, Source source, IReadOnlyList<(string Name, string Type)> columns)
    {
        var select = new List<string> { source.File, "count(*)" };
        foreach (var (name, type) in columns)
        {
            var c = SqlEngine.Identifier(name);
            select.Add($"count({c})");
            select.Add(Comparable(type) ? $"CAST(min({c}) AS VARCHAR)" : "NULL");
            select.Add(Comparable(type) ? $"CAST(max({c}) AS VARCHAR)" : "NULL");
            select.Add(Comparable(type) ? $"approx_count_distinct({c})" : "NULL");
            select.Add(Numeric(type) ? $"CAST(min({c}) AS DOUBLE)" : "NULL");
            select.Add(Numeric(type) ? $"CAST(max({c}) AS DOUBLE)" : "NULL");
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", select)} FROM {source.Sql} GROUP BY 1";
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, (long, List<ColumnProfile>)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var rows = Long(reader, 1);
            var profiles = new List<ColumnProfile>(columns.Count);
            for (var i = 0; i < columns.Count; i++)
            {
                var at = 2 + (i * 6);
                profiles.Add(new ColumnProfile(columns[i].Name, columns[i].Type, rows - Long(reader, at), Long(reader, at + 3))
                {
                    Min = reader.IsDBNull(at + 1) ? null : reader.GetString(at + 1),
                    Max = reader.IsDBNull(at + 2) ? null : reader.GetString(at + 2),
                    MinNumber = reader.IsDBNull(at + 4) ? null : reader.GetDouble(at + 4),
                    MaxNumber = reader.IsDBNull(at + 5) ? null : reader.GetDouble(at + 5),
                });
            }

            result[reader.GetString(0)] = (rows, profiles);
        }

        return result;
    }

    /// <summary>The profile of a file without rows (no group in <see cref="Aggregates"/>): what the aggregates give over no rows.</summary>
    public static List<ColumnProfile> Empty(IReadOnlyList<(string Name, string Type)> columns) =>
        [.. columns.Select(c => new ColumnProfile(c.Name, c.Type, 0, 0))];

    /// <summary>
    /// Rows per value of each (file, column) in <paramref name="cells"/>, one <c>histogram</c> per
    /// column over the files it is asked of; nulls are not values.
    /// </summary>
    public static Dictionary<(string File, int Column), SortedDictionary<string, long>> ValueCounts(
        DuckDBConnection connection, Source source, IReadOnlyList<(string Name, string Type)> columns, IReadOnlyList<(string File, int Column)> cells)
    {
        var result = new Dictionary<(string, int), SortedDictionary<string, long>>();
        if (cells.Count == 0)
        {
            return result;
        }

        var byColumn = cells.GroupBy(x => x.Column).Select(g => (Column: g.Key, Files: g.Select(x => x.File).ToHashSet(StringComparer.Ordinal))).ToList();
        var asked = cells.Select(x => x.File).ToHashSet(StringComparer.Ordinal);
        var select = new List<string> { source.File };
        foreach (var (column, files) in byColumn)
        {
            var value = $"CAST({SqlEngine.Identifier(columns[column].Name)} AS VARCHAR)";
            select.Add(files.Count == asked.Count ? $"histogram({value})" : $"histogram(CASE WHEN {In(source.File, files)} THEN {value} END)");
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", select)} FROM {source.Sql} WHERE {In(source.File, asked)} GROUP BY 1";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var file = reader.GetString(0);
            for (var i = 0; i < byColumn.Count; i++)
            {
                if (!byColumn[i].Files.Contains(file))
                {
                    continue;
                }

                var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
                if (!reader.IsDBNull(i + 1) && reader.GetValue(i + 1) is System.Collections.IDictionary histogram)
                {
                    foreach (System.Collections.DictionaryEntry entry in histogram)
                    {
                        counts[(string)entry.Key] = Convert.ToInt64(entry.Value, CultureInfo.InvariantCulture);
                    }
                }

                result[(file, byColumn[i].Column)] = counts;
            }
        }

        return result;
    }

    /// <summary>Nested types (structs, lists, maps) get only a null count: their min and max mean little.</summary>
    public static bool Comparable(string type) =>
        !(type.StartsWith("STRUCT", StringComparison.Ordinal) || type.StartsWith("MAP", StringComparison.Ordinal)
          || type.StartsWith("UNION", StringComparison.Ordinal) || type.EndsWith(']'));

    /// <summary>The columns whose value counts a profile keeps when they are few.</summary>
    public static bool Categorical(string type) => type is "VARCHAR" or "BOOLEAN";

    private static bool Numeric(string type) => NumericTypes.Any(t => type.StartsWith(t, StringComparison.Ordinal));

    private static string In(string column, IEnumerable<string> files) => $"{column} IN ({string.Join(", ", files.Select(SqlEngine.Quote))})";

    private static long Long(DuckDBDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
