using Strata.Definitions;
using Strata.Fragments;
using Strata.Lake.Publishing;
using Strata.Partitions;
using Strata.Storage;

namespace Strata.Lake.Gc;

/// <summary>
/// Every blob something still needs, read from the tables (the truth): committed partitions'
/// files and product copies, the files pending outputs replace (the latest Delta version lists
/// them until the next publish), recent pending outputs (a build may be running), superseded
/// files a retained Delta version reads, and every fragment a fragment row names.
/// </summary>
internal sealed class References
{
    private readonly HashSet<(string Container, string Blob)> _needed = [];
    private readonly Dictionary<(string Container, string Blob), Tombstone> _expired = [];

    /// <summary>Tombstones out of retention: their files go, then their rows.</summary>
    public IReadOnlyCollection<Tombstone> Expired => _expired.Values.Distinct().ToList();

    public bool Needs(string container, string blob) => _needed.Contains((container, blob));

    /// <summary>The tombstone whose retention has run out for this blob, if any.</summary>
    public Tombstone? ExpiredTombstone(string container, string blob) => _expired.GetValueOrDefault((container, blob));

    public static async Task<References> ReadAsync(
        PipelineCatalog catalog, PartitionStore partitions, FragmentStore fragments, LakeStateStore lake, LakeOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var references = new References();
        await foreach (var (dataset, path, extras) in partitions.AllOutputsAsync(ct))
        {
            // A dataset no longer defined still keeps its files: protect them in every table container.
            var containers = LakeTable.Find(catalog, dataset) is { } table ? [table.Container] : LakeContainers.Tables;
            foreach (var container in containers)
            {
                references.Add(container, extras.Prepend(path));
            }
        }

        await foreach (var path in fragments.AllPathsAsync(ct))
        {
            references.Add(FragmentPaths.ContainerOf(path), [path]);
        }

        var (states, pending, tombstones) = await lake.ScanAsync(ct);
        foreach (var output in pending)
        {
            if (output.PreviousPath is { } previous)
            {
                references.Add(output.Container, output.PreviousExtras.Prepend(previous));
            }

            if (output.WrittenAt > now - options.GcGraceAge)
            {
                references.Add(output.Container, output.Extras.Prepend(output.Path));
            }
        }

        var latest = states.ToDictionary(s => s.Dataset, s => s.Version, StringComparer.Ordinal);
        foreach (var tombstone in tombstones)
        {
            var blobs = tombstone.Extras.Prepend(tombstone.Path).ToList();
            if (options.Retains(tombstone.Version, tombstone.RemovedAt, latest.GetValueOrDefault(tombstone.Dataset, tombstone.Version), now))
            {
                references.Add(tombstone.Container, blobs);
            }
            else
            {
                blobs.ForEach(b => references._expired[(tombstone.Container, b)] = tombstone);
            }
        }

        return references;
    }

    private void Add(string container, IEnumerable<string> blobs)
    {
        foreach (var blob in blobs)
        {
            _needed.Add((container, blob));
        }
    }
}
