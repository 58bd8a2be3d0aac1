using Strata.Partitions;

namespace Strata.Lake.Publishing;

/// <summary>
/// The usual publish: only the partitions with pending outputs are looked at (one point read
/// each), so publishing a run costs O(partitions it built), never O(partitions of the table).
/// For each partition the committed row decides: the pending output it points at is added, the
/// file each pending output replaced is removed, and pending outputs it does not point at (lost
/// races, failed builds) are discarded — once their build is certainly over.
/// </summary>
internal static class PendingDraft
{
    public static async Task<VersionDraft> CreateAsync(
        LakeTable table, TableState state, IReadOnlyList<PendingOutput> pending, PartitionStore partitions, long run, DateTimeOffset settledBefore, CancellationToken ct)
    {
        var draft = new VersionDraft(state.Schema);
        foreach (var group in pending.GroupBy(p => p.Partition, StringComparer.Ordinal))
        {
            var current = await partitions.GetAsync(table.Dataset, group.Key, ct);
            if (current is not null)
            {
                draft.Referenced.Add(current.OutputPath);
                draft.Referenced.UnionWith(current.ExtraPaths);
            }

            foreach (var output in group)
            {
                if (output.Path == current?.OutputPath)
                {
                    if (!draft.Adds.Any(a => a.Blob == output.Path))
                    {
                        draft.Adds.Add(FileEntry.Of(output));
                    }
                }
                else if (output.Run == run || output.WrittenAt < settledBefore)
                {
                    draft.Discarded.Add(new DroppedFile(output.Path, output.Extras));
                }
                else
                {
                    // Not committed, from an earlier run and recent: its build might still be
                    // running somewhere. Leave it for a later publish (or gc, after the grace age).
                    continue;
                }

                if (output.PreviousPath is { } previous && previous != current?.OutputPath)
                {
                    draft.Removed.Add(new DroppedFile(previous, output.PreviousExtras));
                }

                draft.Done.Add(output);
            }
        }

        draft.Schema = VersionDraft.SchemaFor(table, state.Schema, draft.Adds);
        return draft;
    }
}
