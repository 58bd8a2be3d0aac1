using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Definitions;
using Strata.Lake.Delta;
using Strata.Partitions;
using Strata.Storage;

namespace Strata.Lake.Publishing;

/// <summary>
/// Publishes a source's or dataset's committed partitions as its Delta table — Table Storage is
/// the truth, the log follows it — and removes the files the new version supersedes. Called once
/// per dataset per run, after the run's builds of it (CompleteDataset): one version per run that
/// changed something, listing exactly the committed files. A version is a conditional create; on a
/// conflict the publisher reads the versions it missed and starts over.
/// </summary>
public sealed partial class LakePublisher(
    PipelineCatalog catalog,
    PartitionStore partitions,
    LakeStateStore store,
    LakeStorage storage,
    FileConformer conformer,
    IOptions<LakeOptions> options,
    TimeProvider time,
    ILogger<LakePublisher> log)
{
    private const int MaxAttempts = 10;
    private const int MaxWidenings = 5;

    /// <summary>Publishes what builds of <paramref name="dataset"/> committed since its last publish; run <paramref name="run"/> is the caller's.</summary>
    public async Task<PublishResult> PublishAsync(string dataset, string runId, long run, CancellationToken ct)
    {
        var settings = options.Value;
        settings.Validate();
        var table = LakeTable.Find(catalog, dataset);
        if (table is null)
        {
            return PublishResult.Nothing;
        }

        TableState? known = null;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (stored, pending) = await store.ReadAsync(dataset, ct);
            var state = stored is null || (known is not null && known.Version > stored.Version) ? known ?? stored : stored;
            if (state is not null && pending.Count == 0)
            {
                return PublishResult.Nothing;
            }

            var draft = await DraftAsync(table, state, pending, runId, run, ct);
            if (draft is not null && await CommitAsync(table, state, draft, runId, ct) is { } result)
            {
                LogPublished(table.ToString(), result.Version, result.Added, result.Removed, result.Deleted, result.Conformed);
                return result;
            }

            known = await CatchUpAsync(table, state, ct);
            LogRetry(table.ToString(), known?.Version ?? -1, attempt);
        }

        throw new LakeException($"{table}: {MaxAttempts} attempts to write the next Delta log version all lost to another writer; something else keeps committing to this table's _delta_log");
    }

    /// <summary>The next version's content, with narrow files rewritten; null when a rewrite lost a race (start over).</summary>
    private async Task<VersionDraft?> DraftAsync(LakeTable table, TableState? state, IReadOnlyList<PendingOutput> pending, string runId, long run, CancellationToken ct)
    {
        var settledBefore = time.GetUtcNow() - options.Value.GcGraceAge;
        var whole = state is null;
        var draft = whole
            ? await TableSync.CreateAsync(table, state, pending, partitions, storage, run, settledBefore, ct)
            : await PendingDraft.CreateAsync(table, state!, pending, partitions, run, settledBefore, ct);
        for (var round = 0; round <= MaxWidenings; round++)
        {
            if (!whole && draft.Schema.DiffersInTypeFrom(state!.Schema))
            {
                // A type widened: files published before hold the narrower type. Look at them all.
                whole = true;
                draft = await TableSync.CreateAsync(table, state, pending, partitions, storage, run, settledBefore, ct);
            }

            var narrow = draft.Narrow(table).ToList();
            if (narrow.Count == 0)
            {
                draft.KeepUnpublished();
                return draft;
            }

            foreach (var file in narrow)
            {
                if (await conformer.ConformAsync(table, file, draft.Schema, runId, run, ct) is not { } conformed)
                {
                    return null;
                }

                draft.Replace(file, conformed.Entry, conformed.EarlierRun);
            }

            LogConformed(table.ToString(), narrow.Count, draft.Schema.ToString());

            // A rewritten load file can come out wider still (decimals that do not fit become double).
            draft.Schema = VersionDraft.SchemaFor(table, draft.Schema, draft.Adds);
        }

        throw new LakeException($"{table}: the table's types kept widening while its files were rewritten ({draft.Schema}); declare the column's type in the pipeline's schema hints");
    }

    /// <summary>Writes the version (unless there is nothing to say), then settles files and pending outputs; null on a version conflict.</summary>
    private async Task<PublishResult?> CommitAsync(LakeTable table, TableState? state, VersionDraft draft, string runId, CancellationToken ct)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var at = now.ToUnixTimeMilliseconds();
        var logFolder = table.Log(storage);
        var removed = draft.Removed.DistinctBy(r => r.Blob).Where(r => !draft.Referenced.Contains(r.Blob)).ToList();
        var schemaChanged = state is null || !draft.Schema.SameAs(state.Schema);
        long? written = null;
        if (draft.Adds.Count > 0 || removed.Count > 0 || (schemaChanged && state is not null))
        {
            written = (state?.Version ?? -1) + 1;
            var actions = draft.Actions(table, state, removed, TableIdOf(table, state), runId, at);
            if (!await logFolder.TryCommitAsync(written.Value, actions, ct))
            {
                return null;
            }
        }

        var deleted = await SettleAsync(table, draft, removed, written ?? state?.Version ?? -1, now, ct);
        if (written is { } version)
        {
            var next = new TableState
            {
                Dataset = table.Dataset,
                Version = version,
                Schema = draft.Schema,
                TableId = TableIdOf(table, state),
                CreatedTime = state?.CreatedTime ?? at,
                LastCheckpoint = state?.LastCheckpoint ?? -1,
            };
            if (version - Math.Max(next.LastCheckpoint, 0) >= settings.CheckpointInterval)
            {
                var keepSince = now - (settings.RetainFor > TimeSpan.FromDays(7) ? settings.RetainFor : TimeSpan.FromDays(7));
                await Checkpoint.WriteAsync(logFolder, await Snapshot.ReadAsync(logFolder, version, ct), keepSince.ToUnixTimeMilliseconds(), ct);
                next = next with { LastCheckpoint = version };
            }

            await store.FinishAsync(next, state?.ETag, draft.Done, ct);
        }
        else if (draft.Done.Count > 0)
        {
            await store.RemoveAsync(draft.Done, ct);
        }

        return new PublishResult(written, draft.Adds.Count, removed.Count, deleted, draft.Conformed) { Rewritten = draft.Rewritten };
    }

    /// <summary>
    /// Once the version is durable: superseded files are deleted (or kept as tombstones while
    /// retention wants them), never-published ones deleted. Never a blob a committed partition references.
    /// </summary>
    private async Task<int> SettleAsync(LakeTable table, VersionDraft draft, List<DroppedFile> removed, long version, DateTimeOffset now, CancellationToken ct)
    {
        var settings = options.Value;
        var container = storage.Container(table.Container);
        var doomed = new List<string>();
        if (settings.RetainVersions > 0 || settings.RetainFor > TimeSpan.Zero)
        {
            await store.AddTombstonesAsync(removed.Select(r => new Tombstone(table.Dataset, table.Container, r.Blob, r.Extras, version, now)).ToList(), ct);
        }
        else
        {
            doomed.AddRange(removed.SelectMany(r => r.Extras.Prepend(r.Blob)));
        }

        var removedBlobs = removed.Select(r => r.Blob).ToHashSet(StringComparer.Ordinal);
        doomed.AddRange(draft.Discarded.Where(d => !removedBlobs.Contains(d.Blob)).SelectMany(d => d.Extras.Prepend(d.Blob)));
        var deleted = 0;
        foreach (var blob in doomed.Distinct(StringComparer.Ordinal).Where(b => !draft.Referenced.Contains(b)))
        {
            deleted += (await container.DeleteBlobIfExistsAsync(blob, cancellationToken: ct)).Value ? 1 : 0;
        }

        return deleted;
    }

    /// <summary>The table as the log has it past <paramref name="state"/>: the versions another writer committed, their schema and id.</summary>
    private async Task<TableState?> CatchUpAsync(LakeTable table, TableState? state, CancellationToken ct)
    {
        var logFolder = table.Log(storage);
        var current = state;
        var version = state?.Version ?? -1;
        while (await logFolder.ReadVersionAsync(version + 1, ct) is { } actions)
        {
            version++;
            var metaData = actions.Select(a => a.MetaData).LastOrDefault(m => m is not null);
            current = new TableState
            {
                Dataset = table.Dataset,
                Version = version,
                Schema = metaData is null ? current?.Schema ?? DeltaSchema.Empty : DeltaSchema.Parse(metaData.SchemaString),
                TableId = metaData?.Id ?? TableIdOf(table, current),
                CreatedTime = metaData?.CreatedTime ?? current?.CreatedTime ?? 0,
                LastCheckpoint = current?.LastCheckpoint ?? -1,
            };
        }

        return current;
    }

    private string TableIdOf(LakeTable table, TableState? state) =>
        state?.TableId ?? Metadata.IdFor($"{storage.ContainerName(table.Container)}/{table.Dataset}");

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Published {Table} version {Version}: {Added} added, {Removed} removed, {Deleted} deleted, {Conformed} rewritten")]
    private partial void LogPublished(string table, long? version, int added, int removed, int deleted, int conformed);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Publishing {Table}: another writer committed up to version {Version}; trying again (attempt {Attempt})")]
    private partial void LogRetry(string table, long version, int attempt);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Publishing {Table}: rewrote {Count} file(s) at the widened types {Schema}")]
    private partial void LogConformed(string table, int count, string schema);
}
