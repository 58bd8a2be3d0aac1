using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace Strata.Transform;

/// <summary>
/// Runs integrate and action SQL in DuckDB: each input becomes a view named after it over
/// exactly the Parquet files its mapping selected (see <see cref="InputViews"/>: a source's view
/// has its current schema, so partitions written under older schema versions read with typed
/// nulls for newer columns), and the query's rows are written to Parquet. One in-memory database per job, with the memory limit and spill folder
/// from <see cref="TransformOptions"/>.
/// </summary>
public sealed class SqlEngine(IOptions<TransformOptions> options)
{
    private readonly Lazy<string> _version = new(ReadVersion);

    /// <summary>The engine's name and version; part of every dataset's code hash.</summary>
    public string EngineVersion => _version.Value;

    /// <summary>Checks that <paramref name="sql"/> parses and is one SELECT query; returns the problem, or null.</summary>
    public static string? CheckSyntax(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_serialize_sql(CAST($sql AS VARCHAR))";
        command.Parameters.Add(new DuckDBParameter("sql", TrimStatement(sql)));
        using var doc = JsonDocument.Parse((string)command.ExecuteScalar()!);
        var root = doc.RootElement;
        if (root.TryGetProperty("error", out var error) && error.GetBoolean())
        {
            var text = root.TryGetProperty("error_message", out var message) ? message.GetString() ?? "" : "the SQL does not parse";
            return PositionOf(root, sql) is { } line && !text.Contains("LINE ", StringComparison.Ordinal) ? $"LINE {line}: {text}" : text;
        }

        var statements = root.GetProperty("statements");
        return statements.GetArrayLength() == 1 ? null : $"expected exactly one SELECT statement, found {statements.GetArrayLength()}";
    }

    /// <summary>
    /// Runs the job; returns the rows written and the expectation counts. Throws
    /// <see cref="SqlException"/> when the SQL fails, <see cref="Quality.ExpectationFailedException"/>
    /// when an expectation with action fail is not met.
    /// </summary>
    public SqlResult Execute(SqlJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var session = OpenSession();
        return session.Execute(job);
    }

    /// <summary>
    /// One database for many jobs of one dataset (a build of many partitions): opening and
    /// configuring DuckDB costs more than a small partition's query, so it is paid once.
    /// </summary>
    public SqlSession OpenSession()
    {
        var settings = options.Value;
        Directory.CreateDirectory(settings.TempDirectory);
        var connection = Open();
        try
        {
            Run(connection, $"SET memory_limit = {Quote(settings.MemoryLimit)}");
            Run(connection, $"SET threads = {settings.Threads.ToString(CultureInfo.InvariantCulture)}");
            Run(connection, $"SET temp_directory = {Quote(settings.TempDirectory)}");
            Run(connection, "SET preserve_insertion_order = false");

            // Timestamps are stored in UTC; casting one to a date must give the UTC day, whatever the host's zone.
            Run(connection, "SET TimeZone = 'UTC'");
            return new SqlSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The 1-based line of the parser's error position, when it gives one (a character offset into the trimmed statement).</summary>
    private static int? PositionOf(JsonElement error, string sql)
    {
        if (!error.TryGetProperty("position", out var position)
            || !int.TryParse(position.ValueKind == JsonValueKind.String ? position.GetString() : position.GetRawText(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var offset))
        {
            return null;
        }

        var text = TrimStatement(sql);
        var leading = sql.IndexOf(text, StringComparison.Ordinal);
        var upTo = sql[..Math.Min(sql.Length, Math.Max(0, leading) + offset)];
        return upTo.Count(c => c == '\n') + 1;
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    /// <summary>Runs a statement; returns the rows it changed or, for a <c>COPY ... TO</c>, wrote.</summary>
    internal static long Run(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    private static string ReadVersion()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version()";
        return $"duckdb-{command.ExecuteScalar()}";
    }

    internal static string TrimStatement(string sql) => sql.Trim().TrimEnd(';').Trim();

    internal static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    internal static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
