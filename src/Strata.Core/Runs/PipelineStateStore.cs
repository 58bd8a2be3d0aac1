using Azure.Data.Tables;
using Strata.Storage;

namespace Strata.Runs;

/// <summary>
/// Pipeline state in <see cref="StrataTables.Pipelines"/>. Every change is an ETag-conditional
/// read-modify-write of one row, so two hosts deciding at once (a run taking the lease, another
/// marking the pipeline dirty, the holder ending) are applied one after the other, never lost.
/// </summary>
public sealed class PipelineStateStore(LakeStorage storage)
{
    private const string RowKey = "state";
    private readonly TableClient _table = storage.Table(StrataTables.Pipelines);

    public async Task<PipelineState> GetAsync(string pipeline, CancellationToken ct) =>
        await TableRanges.FindAsync(_table, pipeline, RowKey, ct) is { } e
            ? new PipelineState(pipeline, e.GetInt64("RunCounter") ?? 0, e.GetString("ActiveRunId"), e.GetBoolean("Dirty") ?? false, e.ETag.ToString())
            {
                LeaseHolder = e.GetString("LeaseHolder"),
                LeaseExpiresAt = e.GetDateTimeOffset("LeaseExpiresAt"),
            }
            : new PipelineState(pipeline, 0, null, false, null);

    /// <summary>
    /// Takes the pipeline's run lease if no run holds it at <paramref name="now"/>: allocates the next
    /// run number, makes it the active run until <paramref name="now"/> + <paramref name="duration"/>,
    /// and clears the dirty flag (its landings are in this run). When another run holds it, nothing is
    /// taken; with <paramref name="markDirtyWhenHeld"/> the pipeline is marked dirty in the same
    /// conditional write, so the holder continues as new with this start's data.
    /// </summary>
    public async Task<LeaseAttempt> TryStartRunAsync(string pipeline, string holder, DateTimeOffset now, TimeSpan duration, bool markDirtyWhenHeld, CancellationToken ct)
    {
        string? lapsed = null;
        var acquired = false;
        var state = await UpdateAsync(pipeline, s =>
        {
            acquired = !s.IsHeldAt(now);
            if (!acquired)
            {
                return markDirtyWhenHeld && !s.Dirty ? s with { Dirty = true } : null;
            }

            lapsed = s.ActiveRunId;
            var number = s.RunCounter + 1;
            return s with { RunCounter = number, ActiveRunId = RunRecord.IdFor(pipeline, number), Dirty = false, LeaseHolder = holder, LeaseExpiresAt = now + duration };
        }, ct);
        return new LeaseAttempt(state, acquired, lapsed);
    }

    /// <summary>
    /// Pushes the lease of <paramref name="runId"/> to <paramref name="now"/> + <paramref name="duration"/>.
    /// Returns null when that run no longer holds the pipeline (it ended, or its lease lapsed and another run took it).
    /// </summary>
    public async Task<PipelineState?> RenewAsync(string pipeline, string runId, DateTimeOffset now, TimeSpan duration, CancellationToken ct)
    {
        var state = await UpdateAsync(pipeline, s => s.ActiveRunId == runId ? s with { LeaseExpiresAt = now + duration } : null, ct);
        return state.ActiveRunId == runId ? state : null;
    }

    /// <summary>
    /// Ends <paramref name="runId"/>'s hold on the pipeline; returns whether a landing marked the
    /// pipeline dirty meanwhile. A run that no longer holds the pipeline changes nothing and gets
    /// false: the dirty flag then belongs to the run that holds it now.
    /// </summary>
    public async Task<bool> EndRunAsync(string pipeline, string runId, CancellationToken ct)
    {
        var dirty = false;
        await UpdateAsync(pipeline, s =>
        {
            if (s.ActiveRunId != runId)
            {
                return null;
            }

            dirty = s.Dirty;
            return s with { ActiveRunId = null, LeaseHolder = null, LeaseExpiresAt = null };
        }, ct);
        return dirty;
    }

    /// <summary>Marks the pipeline dirty: new data landed. Returns the state after the change.</summary>
    public Task<PipelineState> MarkDirtyAsync(string pipeline, CancellationToken ct) =>
        UpdateAsync(pipeline, s => s.Dirty ? null : s with { Dirty = true }, ct);

    /// <summary>Applies <paramref name="change"/> (null: nothing to write) until it lands on the row it read.</summary>
    private async Task<PipelineState> UpdateAsync(string pipeline, Func<PipelineState, PipelineState?> change, CancellationToken ct)
    {
        while (true)
        {
            var current = await GetAsync(pipeline, ct);
            if (change(current) is not { } next)
            {
                return current;
            }

            var entity = new TableEntity(pipeline, RowKey)
            {
                ["RunCounter"] = next.RunCounter,
                ["ActiveRunId"] = next.ActiveRunId,
                ["Dirty"] = next.Dirty,
                ["LeaseHolder"] = next.LeaseHolder,
                ["LeaseExpiresAt"] = next.LeaseExpiresAt,
            };
            if (await TableRanges.TryReplaceAsync(_table, entity, current.ETag, ct) is { } etag)
            {
                return next with { ETag = etag };
            }

            // Someone else changed it: read and apply again.
        }
    }
}
