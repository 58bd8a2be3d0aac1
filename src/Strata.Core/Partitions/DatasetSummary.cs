namespace Strata.Partitions;

/// <summary>
/// One row per source or dataset that lets a plan with nothing to do read O(datasets) rows: the
/// code (load spec, or SQL + engine + mappings) it was last completed with, and how far it has
/// consumed each input — the landing sequence for a source, the run number of each input's
/// commit log for a dataset.
/// </summary>
public sealed record DatasetSummary
{
    public required string Dataset { get; init; }

    /// <summary>Hash of the load spec (sources) or SQL + engine + mappings + formats (datasets) at last completion.</summary>
    public required string CodeHash { get; init; }

    /// <summary>Hash of the SQL text alone (datasets), so a plan can tell a SQL change from another definition change.</summary>
    public string? SqlHash { get; init; }

    /// <summary>How far each input has been consumed: input name to landing sequence (sources: key <c>landing</c>) or commit-log run number.</summary>
    public IReadOnlyDictionary<string, long> Seen { get; init; } = new Dictionary<string, long>();

    /// <summary>Committed partitions.</summary>
    public long Partitions { get; init; }

    /// <summary>Rows across committed partitions.</summary>
    public long Rows { get; init; }

    /// <summary>The last run that completed this dataset.</summary>
    public string? LastRunId { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string? ETag { get; init; }

    /// <summary>The consumed position for an input, 0 when never consumed.</summary>
    public long SeenOf(string input) => Seen.TryGetValue(input, out var value) ? value : 0;
}
