using Azure.Storage.Blobs.Models;
using Strata.Lake.Delta;
using Strata.Partitions;
using Strata.Storage;

namespace Strata.Lake.Publishing;

/// <summary>
/// The whole-table publish, for the two cases that need it: the first publish of a table (its
/// partitions may predate the lake, e.g. an upgraded or imported lake) and a publish that widens
/// a column's type (every file holding the narrower type must be rewritten). Reads every committed
/// partition and the log's latest snapshot, and makes the next version list exactly the committed
/// files. Costs O(partitions); files not described by a pending output have their Parquet footer
/// read (a few ranged reads each).
/// </summary>
internal static class TableSync
{
    public static async Task<VersionDraft> CreateAsync(
        LakeTable table, TableState? state, IReadOnlyList<PendingOutput> pending, PartitionStore partitions, LakeStorage storage,
        long run, DateTimeOffset settledBefore, CancellationToken ct)
    {
        var log = table.Log(storage);
        var snapshot = state is null ? new Snapshot() : await Snapshot.ReadAsync(log, state.Version, ct);
        var byPath = pending.GroupBy(p => p.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var draft = new VersionDraft(state?.Schema ?? DeltaSchema.Empty);
        var published = draft.Published;
        published.UnionWith(snapshot.Files.Keys.Select(p => PartitionValues.BlobOf(table.Dataset, p)));
        var files = new List<FileEntry>();
        await foreach (var record in partitions.ListAsync(table.Dataset, ct))
        {
            draft.Referenced.Add(record.OutputPath);
            draft.Referenced.UnionWith(record.ExtraPaths);
            files.Add(byPath.TryGetValue(record.OutputPath, out var output)
                ? FileEntry.Of(output)
                : await DescribeAsync(table, log, record, ct));
        }

        foreach (var output in pending)
        {
            if (draft.Referenced.Contains(output.Path))
            {
                draft.Done.Add(output);
            }
            else if (output.Run == run || output.WrittenAt < settledBefore)
            {
                draft.Discarded.Add(new DroppedFile(output.Path, output.Extras));
                draft.Done.Add(output);
            }

            if (output.PreviousPath is { } previous && !draft.Referenced.Contains(previous) && !published.Contains(previous))
            {
                draft.Discarded.Add(new DroppedFile(previous, output.PreviousExtras));
            }
        }

        var current = files.Select(f => f.Blob).ToHashSet(StringComparer.Ordinal);
        draft.Removed.AddRange(published.Where(p => !current.Contains(p)).Select(p => new DroppedFile(p, ExtrasOf(pending, p))));
        draft.Adds.AddRange(files);
        draft.Schema = VersionDraft.SchemaFor(table, state?.Schema ?? DeltaSchema.Empty, files);
        return draft;
    }

    private static IReadOnlyList<string> ExtrasOf(IReadOnlyList<PendingOutput> pending, string blob) =>
        pending.FirstOrDefault(p => p.PreviousPath == blob)?.PreviousExtras ?? [];

    /// <summary>A committed file no pending output describes: its size and columns from its footer.</summary>
    private static async Task<FileEntry> DescribeAsync(LakeTable table, DeltaLog log, PartitionRecord record, CancellationToken ct)
    {
        var blob = log.Container.GetBlobClient(record.OutputPath);
        await using var stream = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = 64 * 1024 }, ct);
        var columns = await LakeFiles.ColumnsAsync(stream, $"{table} partition {record.Partition}", ct);
        return new FileEntry(record.Partition, record.OutputPath, stream.Length, record.Rows, columns, record.CommittedAt);
    }
}
