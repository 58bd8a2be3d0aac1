using System.Globalization;
using Strata.Definitions;
using Strata.Fingerprints;

namespace Strata.Quality;

/// <summary>
/// A partition-level check, run over a partition's committed file after each commit that changed
/// it. Its <see cref="Hash"/> and the partition's output hash make the check's fingerprint: it
/// runs again only when one of them changes.
/// </summary>
public sealed record CheckDefinition
{
    /// <summary>Unique within its source or dataset; defaults to the kind and its columns (<c>not_null_email</c>).</summary>
    public required string Name { get; init; }

    public required CheckKind Kind { get; init; }

    /// <summary>Default <see cref="CheckSeverity.Error"/>: a check someone wrote down is meant to stop bad data.</summary>
    public CheckSeverity Severity { get; init; } = CheckSeverity.Error;

    /// <summary>The columns of unique and not_null; the one column of accepted_values and freshness.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>row_count: the least rows allowed (inclusive), or null.</summary>
    public long? Min { get; init; }

    /// <summary>row_count: the most rows allowed (inclusive), or null.</summary>
    public long? Max { get; init; }

    /// <summary>accepted_values: the values allowed, compared as text.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>freshness: the greatest age of the newest value.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>custom: a SELECT over a view named after the dataset that returns the offending rows.</summary>
    public string? Sql { get; init; }

    /// <summary>Where it was declared.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>A hash of everything that decides the check's result for a given file.</summary>
    public string Hash()
    {
        using var b = new FingerprintBuilder("check");
        return b.Add("name", Name)
            .Add("kind", Kind.ToString())
            .Add("severity", Severity.ToString())
            .AddAll("columns", Columns)
            .Add("min", Min?.ToString(CultureInfo.InvariantCulture) ?? "")
            .Add("max", Max?.ToString(CultureInfo.InvariantCulture) ?? "")
            .AddAll("values", Values)
            .Add("max_age", MaxAge?.ToString("c", CultureInfo.InvariantCulture) ?? "")
            .Add("sql", Sql ?? "")
            .Build();
    }
}
