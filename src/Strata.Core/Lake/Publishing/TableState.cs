namespace Strata.Lake.Publishing;

/// <summary>
/// What Strata last published of a dataset's Delta table (the <c>~delta</c> row of
/// <c>StrataLake</c>): a hint, not the truth — the log is. A publisher starts from it, and a
/// conflict on the version it computed sends it to the log to catch up.
/// </summary>
public sealed record TableState
{
    public required string Dataset { get; init; }

    /// <summary>The newest version known to be committed.</summary>
    public required long Version { get; init; }

    /// <summary>The table schema of that version, partition column included.</summary>
    public required Delta.DeltaSchema Schema { get; init; }

    public required string TableId { get; init; }

    /// <summary>Milliseconds since the epoch the table was created.</summary>
    public required long CreatedTime { get; init; }

    /// <summary>The newest checkpoint's version; -1 when none.</summary>
    public long LastCheckpoint { get; init; } = -1;

    public string? ETag { get; init; }
}
