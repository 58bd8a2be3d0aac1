using System.Globalization;
using Strata.Transform;

namespace Strata.Quality;

/// <summary>
/// The SQL of each check kind as a query over the partition's view that returns the offending rows
/// (row_count and freshness, which are about the whole partition, are answered by one scalar).
/// </summary>
internal static class CheckQueries
{
    /// <summary>The offending-rows query, or null for the kinds that compare one figure.</summary>
    public static string? Offending(CheckDefinition check, string view) => check.Kind switch
    {
        CheckKind.Unique =>
            $"SELECT {Columns(check)}, count(*) AS strata_rows FROM {view} GROUP BY ALL HAVING count(*) > 1",
        CheckKind.NotNull =>
            $"SELECT * FROM {view} WHERE {string.Join(" OR ", check.Columns.Select(c => $"{SqlEngine.Identifier(c)} IS NULL"))}",
        CheckKind.AcceptedValues =>
            $"SELECT * FROM {view} WHERE CAST({SqlEngine.Identifier(check.Columns[0])} AS VARCHAR) NOT IN ({string.Join(", ", check.Values.Select(SqlEngine.Quote))})",
        CheckKind.Custom => check.Sql,
        _ => null,
    };

    /// <summary>The scalar a row_count or freshness check compares.</summary>
    public static string Figure(CheckDefinition check, string view) => check.Kind == CheckKind.RowCount
        ? $"SELECT count(*) FROM {view}"
        : $"SELECT CAST(max(CAST({SqlEngine.Identifier(check.Columns[0])} AS TIMESTAMP)) AS VARCHAR) FROM {view}";

    /// <summary>How many offending rows a result row stands for (unique: the duplicated rows of each group).</summary>
    public static string Count(CheckDefinition check, string offending) => check.Kind == CheckKind.Unique
        ? $"SELECT CAST(coalesce(sum(strata_rows), 0) AS BIGINT) FROM ({offending})"
        : $"SELECT count(*) FROM ({offending})";

    /// <summary>Describes a failing row_count figure, or null when it is within bounds.</summary>
    public static string? RowCountProblem(CheckDefinition check, long rows) =>
        (check.Min is { } min && rows < min) || (check.Max is { } max && rows > max)
            ? $"{rows} rows; expected {(check.Min is null ? "" : $"at least {check.Min}")}{(check.Min is not null && check.Max is not null ? " and " : "")}{(check.Max is null ? "" : $"at most {check.Max}")}"
            : null;

    /// <summary>Describes a failing freshness figure, or null when fresh.</summary>
    public static string? FreshnessProblem(CheckDefinition check, string? newest, DateTimeOffset now)
    {
        if (newest is null)
        {
            return $"no value in {check.Columns[0]}: the partition has no rows with a time";
        }

        var at = DateTimeOffset.Parse(newest, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        var age = now - at;
        return age > check.MaxAge
            ? $"newest {check.Columns[0]} is {newest} ({Math.Round(age.TotalHours, 1).ToString(CultureInfo.InvariantCulture)} h old at {now:yyyy-MM-dd HH:mm}Z); at most {check.MaxAge!.Value.TotalHours.ToString(CultureInfo.InvariantCulture)} h allowed"
            : null;
    }

    private static string Columns(CheckDefinition check) => string.Join(", ", check.Columns.Select(SqlEngine.Identifier));
}
