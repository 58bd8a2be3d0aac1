namespace Strata.Quality;

/// <summary>
/// The latest result of one check on one partition. <see cref="Fingerprint"/> (check definition +
/// partition output hash) says what it was computed for; an acceptance counts only while its
/// fingerprint is this one, so a new failure holds the partition again.
/// </summary>
public sealed record CheckResult
{
    public required string Dataset { get; init; }

    public required string Partition { get; init; }

    public required string Check { get; init; }

    /// <summary>row_count, unique, not_null, accepted_values, freshness or sql.</summary>
    public required string Kind { get; init; }

    public required CheckSeverity Severity { get; init; }

    public required bool Passed { get; init; }

    public required string Fingerprint { get; init; }

    /// <summary>Offending rows (row_count: the rows counted; freshness: 1 when stale).</summary>
    public long Offending { get; init; }

    /// <summary>One line saying what was found, for people.</summary>
    public string Detail { get; init; } = "";

    /// <summary>At most <see cref="CheckRunner.MaxSamples"/> offending rows as JSON objects, each cut to a bounded length.</summary>
    public IReadOnlyList<string> Samples { get; init; } = [];

    public string RunId { get; init; } = "";

    public DateTimeOffset CheckedAt { get; init; }

    /// <summary>Who accepted this failure and why; null when nobody has (or the acceptance was for another fingerprint).</summary>
    public CheckAcceptance? Acceptance { get; init; }

    /// <summary>True when this result holds its partition: an error check failed and nobody accepted this very failure.</summary>
    public bool Holds => !Passed && Severity == CheckSeverity.Error && Acceptance?.Fingerprint != Fingerprint;
}

/// <summary>A person's decision that a failing check's partition may be used as it is.</summary>
public sealed record CheckAcceptance(string By, string Reason, DateTimeOffset At, string Fingerprint);
