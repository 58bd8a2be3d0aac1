namespace Strata.Runs;

/// <summary>
/// Per pipeline: the run counter, the run that holds the pipeline's lease, and the dirty flag a
/// landing sets while a run is in progress (the run then continues as new instead of a second run
/// overlapping it).
/// </summary>
/// <remarks>
/// <see cref="ActiveRunId"/> is a lease, not a note: it holds only until <see cref="LeaseExpiresAt"/>,
/// which its holder keeps pushing forward while the run is alive (<see cref="RunLeaseKeeper"/>). A
/// holder that crashed stops renewing, so its lease lapses and the next run takes over.
/// </remarks>
public sealed record PipelineState(string Pipeline, long RunCounter, string? ActiveRunId, bool Dirty, string? ETag)
{
    /// <summary>Who holds the lease: machine and process, for messages (<c>host/1234</c>).</summary>
    public string? LeaseHolder { get; init; }

    /// <summary>When the lease lapses unless renewed. A row written before leases existed has none: its run counts as ended.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>True when a run holds the pipeline at <paramref name="now"/>.</summary>
    public bool IsHeldAt(DateTimeOffset now) => ActiveRunId is not null && LeaseExpiresAt > now;
}
