using Azure.Data.Tables;
using Strata.Definitions;
using Strata.Storage;

namespace Strata.Schedules;

/// <summary>
/// Schedule state in <see cref="StrataTables.Pipelines"/>, one row (<c>schedule</c>) per scheduled
/// pipeline next to its run state. Every write is conditional on the version read, which is how two
/// sweepers (two <c>serve</c> processes, or <c>serve</c> and the Functions timer) never both claim a slot.
/// </summary>
public sealed class ScheduleStore(LakeStorage storage, TimeProvider time)
{
    private const string RowKey = "schedule";
    private readonly TableClient _table = storage.Table(StrataTables.Pipelines);

    public async Task<ScheduleState?> GetAsync(string pipeline, CancellationToken ct) =>
        await TableRanges.FindAsync(_table, pipeline, RowKey, ct) is { } e
            ? new ScheduleState(pipeline, e.GetString("Cron") ?? "", e.GetDateTimeOffset("NextDue"))
            {
                LastSlot = e.GetDateTimeOffset("LastSlot"),
                LastStartedAt = e.GetDateTimeOffset("LastStartedAt"),
                PendingSlot = e.GetDateTimeOffset("PendingSlot"),
                PendingSince = e.GetDateTimeOffset("PendingSince"),
                PendingRunCounter = e.GetInt64("PendingRunCounter") ?? 0,
                ETag = e.ETag.ToString(),
            }
            : null;

    /// <summary>
    /// Writes the state if the row is still the version read (<see cref="ScheduleState.ETag"/>; null:
    /// there was none). Returns the state as written (with its new version), or null when another
    /// sweeper changed the row first.
    /// </summary>
    public async Task<ScheduleState?> TrySaveAsync(ScheduleState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entity = new TableEntity(state.Pipeline, RowKey)
        {
            ["Cron"] = state.Cron,
            ["NextDue"] = state.NextDue,
            ["LastSlot"] = state.LastSlot,
            ["LastStartedAt"] = state.LastStartedAt,
            ["PendingSlot"] = state.PendingSlot,
            ["PendingSince"] = state.PendingSince,
            ["PendingRunCounter"] = state.PendingRunCounter,
        };
        return await TableRanges.TryReplaceAsync(_table, entity, state.ETag, ct) is { } etag ? state with { ETag = etag } : null;
    }

    /// <summary>
    /// The pipeline's schedule for <c>plan</c> and <c>status</c>, or null when it has none. Before any
    /// sweep has seen the schedule, the next due time is the first slot from now, as a sweep would set it.
    /// </summary>
    public async Task<ScheduleView?> ViewAsync(PipelineDefinition pipeline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (pipeline.Schedule is not { } schedule)
        {
            return null;
        }

        var state = await GetAsync(pipeline.Name, ct);
        return state is not null && state.Cron == schedule.Text
            ? new ScheduleView(schedule.Text, state.PendingSlot ?? state.NextDue, state.LastSlot, state.LastStartedAt)
            : new ScheduleView(schedule.Text, schedule.NextAfter(time.GetUtcNow()), state?.LastSlot, state?.LastStartedAt);
    }
}
