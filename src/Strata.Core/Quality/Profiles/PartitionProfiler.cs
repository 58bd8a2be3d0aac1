using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Strata.Transform;

namespace Strata.Quality.Profiles;

/// <summary>
/// Profiles a partition from the Parquet file its build has just written, still on local disk —
/// for the files no writer profiled (SQL datasets, and load partitions rewritten after assembly;
/// see <see cref="PartitionProfiles"/>):
/// one aggregate query (rows, and per column non-null count, min, max, HyperLogLog distinct
/// estimate) plus, only for the text and boolean columns that estimate found low-cardinality, one
/// GROUP BY over just those columns' chunks. The input data (raw blobs, fragments, upstream
/// partitions) is never read again; the extra read is of the local output, in the same activity.
/// </summary>
public sealed class PartitionProfiler(IOptions<ProfileOptions> options)
{
    private static readonly string[] NumericTypes = ["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "FLOAT", "DOUBLE", "DECIMAL"];

    /// <summary>The profile of the Parquet file at <paramref name="parquetFile"/>, on a connection of its own.</summary>
    public PartitionProfile Profile(string dataset, string partition, string runId, DateTimeOffset at, string parquetFile)
    {
        using var connection = Open();
        return Profile(connection, dataset, partition, runId, at, parquetFile);
    }

    /// <summary>
    /// A connection to profile with: a batch profiles all its partitions on one, since opening a
    /// DuckDB database costs more than profiling a small partition.
    /// </summary>
    public static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        SqlEngine.Run(connection, "SET threads = 1");
        SqlEngine.Run(connection, "SET TimeZone = 'UTC'"); // timestamps print as the profiles gathered while writing do
        return connection;
    }

    /// <summary>The profile of the Parquet file at <paramref name="parquetFile"/>, on <paramref name="connection"/> (from <see cref="Open"/>).</summary>
    public PartitionProfile Profile(DuckDBConnection connection, string dataset, string partition, string runId, DateTimeOffset at, string parquetFile)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = options.Value;
        var file = $"read_parquet({SqlEngine.Quote(parquetFile)})";
        var all = Describe(connection, file);
        var columns = all.Take(Math.Max(0, settings.MaxColumns)).ToList();

        var select = new List<string> { "count(*)" };
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
        command.CommandText = $"SELECT {string.Join(", ", select)} FROM {file}";
        using var reader = command.ExecuteReader();
        reader.Read();
        var rows = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        var profiles = new List<ColumnProfile>();
        for (var i = 0; i < columns.Count; i++)
        {
            var at0 = 1 + (i * 6);
            var (name, type) = columns[i];
            profiles.Add(new ColumnProfile(name, type, rows - Long(reader, at0), Long(reader, at0 + 3))
            {
                Min = reader.IsDBNull(at0 + 1) ? null : reader.GetString(at0 + 1),
                Max = reader.IsDBNull(at0 + 2) ? null : reader.GetString(at0 + 2),
                MinNumber = reader.IsDBNull(at0 + 4) ? null : reader.GetDouble(at0 + 4),
                MaxNumber = reader.IsDBNull(at0 + 5) ? null : reader.GetDouble(at0 + 5),
            });
        }

        var lowCardinality = profiles.Select((p, i) => (p, i)).Where(x => Categorical(x.p.Type) && x.p.Distinct <= settings.LowCardinality).ToList();
        var values = ValueCounts(connection, file, lowCardinality.Select(x => x.p.Name).ToList(), settings.LowCardinality);
        foreach (var (p, i) in lowCardinality)
        {
            // The estimate can undercount; a column found to have more values than the limit keeps none.
            if (values.TryGetValue(p.Name, out var counts) && counts.Count <= settings.LowCardinality)
            {
                profiles[i] = p with { Values = counts, Distinct = counts.Count };
            }
        }

        return new PartitionProfile(dataset, partition, rows, profiles, runId, at) { ColumnsSkipped = all.Count - columns.Count };
    }

    private static List<(string Name, string Type)> Describe(DuckDBConnection connection, string file)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM {file}";
        using var reader = command.ExecuteReader();
        var columns = new List<(string, string)>();
        while (reader.Read())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }

    /// <summary>Value counts of the named columns, one UNION ALL of GROUP BYs; each column stops at one value past the limit.</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, long>> ValueCounts(DuckDBConnection connection, string file, List<string> names, int limit)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return result;
        }

        var parts = names.Select((name, i) =>
            $"(SELECT {i} AS c, CAST({SqlEngine.Identifier(name)} AS VARCHAR) AS v, count(*) AS n FROM {file} WHERE {SqlEngine.Identifier(name)} IS NOT NULL GROUP BY 2 ORDER BY 2 LIMIT {limit + 1})");
        using var command = connection.CreateCommand();
        command.CommandText = string.Join(" UNION ALL ", parts);
        using var reader = command.ExecuteReader();
        var counts = names.Select(_ => new SortedDictionary<string, long>(StringComparer.Ordinal)).ToList();
        while (reader.Read())
        {
            counts[reader.GetInt32(0)][reader.GetString(1)] = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
        }

        for (var i = 0; i < names.Count; i++)
        {
            result[names[i]] = counts[i];
        }

        return result;
    }

    private static long Long(DuckDBDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <summary>Nested types (structs, lists, maps) get only a null count: their min and max mean little.</summary>
    private static bool Comparable(string type) =>
        !(type.StartsWith("STRUCT", StringComparison.Ordinal) || type.StartsWith("MAP", StringComparison.Ordinal)
          || type.StartsWith("UNION", StringComparison.Ordinal) || type.EndsWith(']'));

    private static bool Numeric(string type) => NumericTypes.Any(t => type.StartsWith(t, StringComparison.Ordinal));

    private static bool Categorical(string type) => type is "VARCHAR" or "BOOLEAN";
}
