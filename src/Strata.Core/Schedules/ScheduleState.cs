namespace Strata.Schedules;

/// <summary>
/// What the sweep remembers about one pipeline's schedule, in <c>StrataPipelines</c> (row
/// <c>schedule</c>): the next slot due and the last one started, so a restart neither fires a slot
/// twice nor misses one. A slot is first claimed (<see cref="PendingSlot"/>), then its run started,
/// then confirmed; a claim left unconfirmed by a sweeper that died is taken up again.
/// </summary>
/// <param name="Pipeline">The pipeline.</param>
/// <param name="Cron">The expression these times were computed for; a changed schedule starts afresh.</param>
/// <param name="NextDue">The next slot; null when the expression names no later time.</param>
public sealed record ScheduleState(string Pipeline, string Cron, DateTimeOffset? NextDue)
{
    /// <summary>The last slot a run was started for (the latest of any slots caught up together).</summary>
    public DateTimeOffset? LastSlot { get; init; }

    /// <summary>When that run was started.</summary>
    public DateTimeOffset? LastStartedAt { get; init; }

    /// <summary>A slot claimed by a sweeper whose start is not confirmed yet.</summary>
    public DateTimeOffset? PendingSlot { get; init; }

    /// <summary>When the pending claim was made.</summary>
    public DateTimeOffset? PendingSince { get; init; }

    /// <summary>The pipeline's run counter when the slot was claimed: a higher one means its run did start.</summary>
    public long PendingRunCounter { get; init; }

    public string? ETag { get; init; }
}
