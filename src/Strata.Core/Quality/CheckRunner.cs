using System.Globalization;
using DuckDB.NET.Data;
using Strata.Fingerprints;
using Strata.Transform;

namespace Strata.Quality;

/// <summary>
/// Runs checks over one partition's committed Parquet file in DuckDB: the file is a view named
/// after the dataset (what a custom check's SELECT reads), each check counts its offending rows
/// and keeps at most <see cref="MaxSamples"/> of them. A check that cannot run (a column that does
/// not exist, SQL that fails) fails with the engine's message as its detail; it never stops the run.
/// </summary>
public sealed class CheckRunner(TimeProvider time)
{
    /// <summary>Offending rows kept per result, each cut to <see cref="MaxSampleChars"/>: enough to see the problem, bounded for the table row.</summary>
    public const int MaxSamples = 5;

    public const int MaxSampleChars = 1_000;

    /// <summary>A check's fingerprint: its definition and the output hash of the partition it looked at.</summary>
    public static string Fingerprint(CheckDefinition check, string outputHash)
    {
        ArgumentNullException.ThrowIfNull(check);
        using var b = new FingerprintBuilder("check-result");
        return b.Add("check", check.Hash()).Add("output", outputHash).Build();
    }

    /// <summary>Runs <paramref name="checks"/> over <paramref name="file"/> (the partition's output, with hash <paramref name="outputHash"/>).</summary>
    public IReadOnlyList<CheckResult> Run(string dataset, string partition, string file, string outputHash, IReadOnlyList<CheckDefinition> checks, string runId)
    {
        ArgumentNullException.ThrowIfNull(checks);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        SqlEngine.Run(connection, "SET TimeZone = 'UTC'");
        var view = SqlEngine.Identifier(dataset);
        SqlEngine.Run(connection, $"CREATE VIEW {view} AS SELECT * FROM read_parquet({SqlEngine.Quote(file)})");
        var now = time.GetUtcNow();
        return checks.Select(check =>
        {
            var result = new CheckResult
            {
                Dataset = dataset,
                Partition = partition,
                Check = check.Name,
                Kind = KindName(check.Kind),
                Severity = check.Severity,
                Passed = false,
                Fingerprint = Fingerprint(check, outputHash),
                RunId = runId,
                CheckedAt = now,
            };
            try
            {
                return Evaluate(connection, check, view, now, result);
            }
            catch (Exception e) when (e is DuckDBException or FormatException or InvalidCastException or OverflowException)
            {
                return result with { Detail = $"the check could not run: {e.Message.ReplaceLineEndings(" ")}; fix it in pipeline.yaml" };
            }
        }).ToList();
    }

    /// <summary>The name a check kind has in <c>pipeline.yaml</c>.</summary>
    public static string KindName(CheckKind kind) => kind switch
    {
        CheckKind.RowCount => "row_count",
        CheckKind.Unique => "unique",
        CheckKind.NotNull => "not_null",
        CheckKind.AcceptedValues => "accepted_values",
        CheckKind.Freshness => "freshness",
        _ => "sql",
    };

    private static CheckResult Evaluate(DuckDBConnection connection, CheckDefinition check, string view, DateTimeOffset now, CheckResult result)
    {
        if (CheckQueries.Offending(check, view) is not { } offending)
        {
            var figure = Scalar(connection, CheckQueries.Figure(check, view));
            if (check.Kind == CheckKind.RowCount)
            {
                var rows = Convert.ToInt64(figure, CultureInfo.InvariantCulture);
                var problem = CheckQueries.RowCountProblem(check, rows);
                return result with { Passed = problem is null, Offending = rows, Detail = problem ?? $"{rows} rows" };
            }

            var stale = CheckQueries.FreshnessProblem(check, figure as string, now);
            return result with { Passed = stale is null, Offending = stale is null ? 0 : 1, Detail = stale ?? $"newest {check.Columns[0]} is {figure}" };
        }

        var count = Convert.ToInt64(Scalar(connection, CheckQueries.Count(check, offending)), CultureInfo.InvariantCulture);
        if (count == 0)
        {
            return result with { Passed = true, Detail = "no offending rows" };
        }

        var samples = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT CAST(to_json(strata_row) AS VARCHAR) FROM ({offending}) AS strata_row LIMIT {MaxSamples}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var json = reader.GetString(0);
                samples.Add(json.Length > MaxSampleChars ? json[..MaxSampleChars] + "…" : json);
            }
        }

        return result with { Offending = count, Detail = $"{count} offending row(s)", Samples = samples };
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }
}
