namespace Strata.Schedules;

/// <summary>A start one sweep made.</summary>
/// <param name="Pipeline">The pipeline.</param>
/// <param name="Trigger"><c>schedule</c> (a slot was due) or <c>sweep</c> (the pipeline was left dirty with no run holding it).</param>
/// <param name="Slot">The slot started (the latest one when several were missed); null for a dirty sweep.</param>
/// <param name="MissedSlots">How many slots this one start caught up (1 when on time; counted up to 1000).</param>
/// <param name="InstanceId">The run instance the launcher answered with; null when a recovered claim's run had already started.</param>
/// <param name="Started">False when the launcher found a run in progress and marked the pipeline dirty instead.</param>
public sealed record ScheduledStart(string Pipeline, string Trigger, DateTimeOffset? Slot, int MissedSlots, string? InstanceId, bool Started);
