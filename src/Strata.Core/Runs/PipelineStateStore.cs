using Azure;
using Azure.Data.Tables;
using Strata.Storage;

namespace Strata.Runs;

/// <summary>Pipeline state in <see cref="StrataTables.Pipelines"/>; every change is ETag-conditional.</summary>
public sealed class PipelineStateStore(LakeStorage storage)
{
    private const string RowKey = "state";
    private readonly TableClient _table = storage.Table(StrataTables.Pipelines);

    public async Task<PipelineState> GetAsync(string pipeline, CancellationToken ct) =>
        await TableRanges.FindAsync(_table, pipeline, RowKey, ct) is { } e
            ? new PipelineState(pipeline, e.GetInt64("RunCounter") ?? 0, e.GetString("ActiveRunId"), e.GetBoolean("Dirty") ?? false, e.ETag.ToString())
            : new PipelineState(pipeline, 0, null, false, null);

    /// <summary>Allocates the next run number, marks it active and clears the dirty flag (its landings are in this run).</summary>
    public Task<PipelineState> StartRunAsync(string pipeline, CancellationToken ct) =>
        UpdateAsync(pipeline, s => s with { RunCounter = s.RunCounter + 1, ActiveRunId = RunRecord.IdFor(pipeline, s.RunCounter + 1), Dirty = false }, ct);

    /// <summary>Clears the active run; returns whether a landing marked the pipeline dirty meanwhile.</summary>
    public async Task<bool> EndRunAsync(string pipeline, string runId, CancellationToken ct)
    {
        var dirty = false;
        await UpdateAsync(pipeline, s =>
        {
            dirty = s.Dirty;
            return s.ActiveRunId == runId ? s with { ActiveRunId = null } : s;
        }, ct);
        return dirty;
    }

    /// <summary>Marks the pipeline dirty: new data landed. Returns the state after the change.</summary>
    public Task<PipelineState> MarkDirtyAsync(string pipeline, CancellationToken ct) =>
        UpdateAsync(pipeline, s => s with { Dirty = true }, ct);

    private async Task<PipelineState> UpdateAsync(string pipeline, Func<PipelineState, PipelineState> change, CancellationToken ct)
    {
        while (true)
        {
            var current = await GetAsync(pipeline, ct);
            var next = change(current);
            var entity = new TableEntity(pipeline, RowKey)
            {
                ["RunCounter"] = next.RunCounter,
                ["ActiveRunId"] = next.ActiveRunId,
                ["Dirty"] = next.Dirty,
            };
            try
            {
                if (current.ETag is null)
                {
                    await _table.AddEntityAsync(entity, ct);
                }
                else
                {
                    await _table.UpdateEntityAsync(entity, new ETag(current.ETag), TableUpdateMode.Replace, ct);
                }

                return await GetAsync(pipeline, ct);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Someone else changed it; read and apply again.
            }
        }
    }
}
