namespace Strata.Schedules;

/// <summary>A pipeline's schedule as <c>plan</c> and <c>status</c> show it. Times are UTC.</summary>
/// <param name="Cron">The expression from <c>pipeline.yaml</c>.</param>
/// <param name="NextDue">When the next run is due; in the past when no sweeper has run since (it starts at the next sweep).</param>
/// <param name="LastSlot">The last slot a run was started for, if any.</param>
/// <param name="LastStartedAt">When that run was started.</param>
public sealed record ScheduleView(string Cron, DateTimeOffset? NextDue, DateTimeOffset? LastSlot, DateTimeOffset? LastStartedAt);
