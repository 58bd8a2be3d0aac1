using System.Globalization;
using DuckDB.NET.Data;
using Strata.Transform;

namespace Strata.Quality;

/// <summary>
/// Evaluates a dataset's expectations in the query that builds the partition: the query runs once
/// into a temporary table (DuckDB spills it past the memory limit) with one "met" column per
/// expectation, and the Parquet output, the quarantined rows and the counts are all taken from
/// that table — the inputs are read once, as without expectations. A row meets an expectation
/// only when its expression is true (NULL does not meet it). A row that misses several
/// quarantine expectations is quarantined once, with the first one's name as reason.
/// </summary>
internal static class ExpectationPass
{
    private const string Table = "strata_expectation_rows";
    private const string Reason = "strata_reason";

    /// <summary>Writes the job's outputs; returns the counts per expectation. Throws when a fail expectation is not met, before writing anything.</summary>
    public static IReadOnlyList<ExpectationCount> Run(DuckDBConnection connection, SqlJob job, string query)
    {
        var rules = job.Expectations;
        var met = rules.Select((_, i) => SqlEngine.Identifier($"strata_met_{i}")).ToList();
        var columns = string.Join(", ", rules.Select((e, i) => $"coalesce(CAST(({e.Sql}) AS BOOLEAN), false) AS {met[i]}"));
        // OR REPLACE and the finally below: a session runs many partitions' jobs on one database, and one that failed must not leave its table to the next.
        Execute(job, () => SqlEngine.Run(connection, $"CREATE OR REPLACE TEMP TABLE {Table} AS SELECT *, {columns} FROM ({query}) AS strata_query"));
        try
        {
            return WriteOutputs(connection, job, rules, met);
        }
        finally
        {
            SqlEngine.Run(connection, $"DROP TABLE IF EXISTS {Table}");
        }
    }

    private static List<ExpectationCount> WriteOutputs(DuckDBConnection connection, SqlJob job, IReadOnlyList<ExpectationDefinition> rules, List<string> met)
    {

        var counts = new List<ExpectationCount>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {string.Join(", ", met.Select(m => $"count(*) FILTER (WHERE NOT {m})"))} FROM {Table}";
            using var reader = command.ExecuteReader();
            reader.Read();
            for (var i = 0; i < rules.Count; i++)
            {
                counts.Add(new ExpectationCount(rules[i].Name, rules[i].Action, Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture)));
            }
        }

        Telemetry.QualityTelemetry.Expectations(job.Dataset, counts);
        if (counts.FirstOrDefault(c => c.Action == ExpectationAction.Fail && c.NotMet > 0) is { } failed)
        {
            throw new ExpectationFailedException(job.Dataset, job.Partition, failed.Name, failed.NotMet, rules.First(r => r.Name == failed.Name).Sql);
        }

        var exclude = $"EXCLUDE ({string.Join(", ", met)})";
        var quarantine = rules.Select((e, i) => (e, m: met[i])).Where(x => x.e.Action == ExpectationAction.Quarantine).ToList();
        var keep = quarantine.Count == 0 ? "true" : string.Join(" AND ", quarantine.Select(x => x.m));
        SqlEngine.Run(connection, $"COPY (SELECT * {exclude} FROM {Table} WHERE {keep}) TO {SqlEngine.Quote(job.OutputParquet)} (FORMAT parquet, COMPRESSION zstd)");
        if (quarantine.Count > 0 && job.QuarantineJsonLines is { } path)
        {
            var reason = $"CASE {string.Join(" ", quarantine.Select(x => $"WHEN NOT {x.m} THEN {SqlEngine.Quote(x.e.Reason)}"))} END";
            SqlEngine.Run(connection, $"COPY (SELECT {reason} AS {Reason}, * {exclude} FROM {Table} WHERE NOT ({keep})) TO {SqlEngine.Quote(path)} (FORMAT json)");
        }

        return counts;
    }

    /// <summary>The name of the column that carries a quarantined row's reason in the JSON lines file.</summary>
    public static string ReasonColumn => Reason;

    private static void Execute(SqlJob job, Action action)
    {
        try
        {
            action();
        }
        catch (DuckDBException e)
        {
            throw new SqlException(job.Dataset, job.Partition, $"{e.Message} (while evaluating the expectations of pipeline.yaml with the dataset's SQL)", e);
        }
    }
}
