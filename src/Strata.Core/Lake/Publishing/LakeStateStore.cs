using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Strata.Lake.Delta;
using Strata.Storage;

namespace Strata.Lake.Publishing;

/// <summary>
/// Strata's bookkeeping of what readers see, in <see cref="StrataTables.Lake"/> with the dataset
/// as the table partition key:
/// <list type="bullet">
/// <item><c>k|&lt;version:D20&gt;|&lt;hash&gt;</c> — a superseded file kept for time travel (<see cref="Tombstone"/>);</item>
/// <item><c>o|&lt;partition&gt;|&lt;file&gt;</c> — a file not published yet (<see cref="PendingOutput"/>);</item>
/// <item><c>~delta</c> — the published table's state (<see cref="TableState"/>).</item>
/// </list>
/// The order is chosen so one range query (<c>o|</c> to <c>~delta</c>) gives a publish everything it needs.
/// Schemas (the table's, a pending file's columns) are kept with <see cref="StoredDocuments"/>, so
/// no row grows with a table's column count.
/// </summary>
public sealed partial class LakeStateStore(LakeStorage storage)
{
    private const string PendingPrefix = "o|";
    private const string TombstonePrefix = "k|";
    private const string StateKey = "~delta";

    private readonly TableClient _table = storage.Table(StrataTables.Lake);
    private readonly StoredDocuments _documents = new(storage);

    /// <summary>The table state (null before the first publish) and every pending output of a dataset: one range query.</summary>
    public async Task<(TableState? State, IReadOnlyList<PendingOutput> Pending)> ReadAsync(string dataset, CancellationToken ct)
    {
        TableState? state = null;
        var pending = new List<PendingOutput>();
        await foreach (var e in TableRanges.Between(_table, dataset, PendingPrefix, StateKey + "~", ct: ct))
        {
            if (e.RowKey == StateKey)
            {
                state = await ToStateAsync(e, ct);
            }
            else if (e.RowKey.StartsWith(PendingPrefix, StringComparison.Ordinal))
            {
                pending.Add(await ToPendingAsync(e, ct));
            }
        }

        return (state, pending);
    }

    /// <summary>Records a file before its upload. A retried build writes the same row again.</summary>
    public async Task RecordAsync(PendingOutput output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        await _table.UpsertEntityAsync(await ToEntityAsync(output, ct), TableUpdateMode.Replace, ct);
    }

    /// <summary>Records many files of one dataset before their upload, in entity-group transactions of 100 rows.</summary>
    public async Task RecordManyAsync(IReadOnlyList<PendingOutput> outputs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (outputs.Count == 1)
        {
            await RecordAsync(outputs[0], ct);
            return;
        }

        var entities = new List<TableTransactionAction>(outputs.Count);
        foreach (var output in outputs)
        {
            entities.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, await ToEntityAsync(output, ct)));
        }

        await TableRanges.SubmitInBatchesAsync(_table, entities, ct);
    }

    private async Task<TableEntity> ToEntityAsync(PendingOutput output, CancellationToken ct) => new(output.Dataset, PendingKey(output))
    {
        ["Partition"] = output.Partition,
        ["Container"] = output.Container,
        ["Path"] = output.Path,
        ["Extras"] = Json(output.Extras),
        ["Size"] = output.Size,
        ["Rows"] = output.Rows,
        ["Columns"] = await _documents.StoreAsync(SchemaFolder(output.Dataset), output.Columns.ToSchemaString(), ct),
        ["PreviousPath"] = output.PreviousPath,
        ["PreviousExtras"] = Json(output.PreviousExtras),
        ["Run"] = output.Run,
        ["WrittenAt"] = output.WrittenAt,
    };

    /// <summary>Forgets published (or discarded) outputs.</summary>
    public Task RemoveAsync(IEnumerable<PendingOutput> outputs, CancellationToken ct) =>
        DeleteAsync(outputs.Select(o => (o.Dataset, PendingKey(o))), ct);

    /// <summary>
    /// Ends a publish in one entity-group transaction where it can: the new table state (replacing
    /// the row read as <paramref name="readETag"/>, or added when there was none) and the removal of
    /// the pending outputs it settled. When the state row moved meanwhile (another publisher), only
    /// the pending outputs are removed: the state is a hint, the log decides.
    /// </summary>
    public async Task FinishAsync(TableState next, string? readETag, IReadOnlyList<PendingOutput> done, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(done);
        var deletes = done.Select(PendingKey).Distinct().Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(next.Dataset, k), ETag.All)).ToList();
        var entity = await ToEntityAsync(next, ct);
        var first = new List<TableTransactionAction>
        {
            readETag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(readETag)),
        };
        first.AddRange(deletes.Take(99));
        try
        {
            await _table.SubmitTransactionAsync(first, ct);
            await TableRanges.SubmitInBatchesAsync(_table, deletes.Skip(99), ct);
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
        {
            await RemoveAsync(done, ct);
            await SaveStateAsync(next, ct);
        }
    }

    /// <summary>Saves the table state unless a newer version is already recorded.</summary>
    public async Task SaveStateAsync(TableState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        var stored = await TableRanges.FindAsync(_table, state.Dataset, StateKey, ct);
        if (stored is not null && (stored.GetInt64("Version") ?? -1) > state.Version)
        {
            return;
        }

        try
        {
            if (stored is null)
            {
                await _table.AddEntityAsync(await ToEntityAsync(state, ct), ct);
            }
            else
            {
                await _table.UpdateEntityAsync(await ToEntityAsync(state, ct), stored.ETag, TableUpdateMode.Replace, ct);
            }
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Another publisher saved meanwhile; the state is a hint and the log decides, so either is fine.
        }
    }

    public Task AddTombstonesAsync(IReadOnlyList<Tombstone> tombstones, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tombstones);
        return Task.WhenAll(tombstones.GroupBy(t => t.Dataset).Select(g => TableRanges.SubmitInBatchesAsync(_table, g.Select(t =>
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(t.Dataset, TombstoneKey(t))
            {
                ["Container"] = t.Container,
                ["Path"] = t.Path,
                ["Extras"] = Json(t.Extras),
                ["Version"] = t.Version,
                ["RemovedAt"] = t.RemovedAt,
            })), ct)));
    }

    public Task RemoveTombstonesAsync(IEnumerable<Tombstone> tombstones, CancellationToken ct) =>
        DeleteAsync(tombstones.Select(t => (t.Dataset, TombstoneKey(t))), ct);

    /// <summary>Every row of every dataset (for <c>gc</c>): table states, pending outputs and tombstones.</summary>
    public async Task<(IReadOnlyList<TableState> States, IReadOnlyList<PendingOutput> Pending, IReadOnlyList<Tombstone> Tombstones)> ScanAsync(CancellationToken ct)
    {
        var (states, pending, tombstones) = (new List<TableState>(), new List<PendingOutput>(), new List<Tombstone>());
        await foreach (var e in _table.QueryAsync<TableEntity>(cancellationToken: ct))
        {
            if (e.RowKey == StateKey)
            {
                states.Add(await ToStateAsync(e, ct));
            }
            else if (e.RowKey.StartsWith(PendingPrefix, StringComparison.Ordinal))
            {
                pending.Add(await ToPendingAsync(e, ct));
            }
            else if (e.RowKey.StartsWith(TombstonePrefix, StringComparison.Ordinal))
            {
                tombstones.Add(new Tombstone(e.PartitionKey, e.GetString("Container"), e.GetString("Path"), List(e.GetString("Extras")), e.GetInt64("Version") ?? 0, e.GetDateTimeOffset("RemovedAt") ?? default));
            }
        }

        return (states, pending, tombstones);
    }

    private async Task DeleteAsync(IEnumerable<(string Dataset, string RowKey)> keys, CancellationToken ct)
    {
        foreach (var group in keys.Distinct().GroupBy(k => k.Dataset))
        {
            foreach (var chunk in group.Chunk(100))
            {
                try
                {
                    await _table.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.Dataset, k.RowKey), ETag.All)), ct);
                }
                catch (TableTransactionFailedException e) when (e.Status == 404)
                {
                    // Some were already gone (a concurrent publish or gc): delete the rest one by one.
                    foreach (var (dataset, rowKey) in chunk)
                    {
                        await _table.DeleteEntityAsync(dataset, rowKey, ETag.All, ct);
                    }
                }
            }
        }
    }
}
