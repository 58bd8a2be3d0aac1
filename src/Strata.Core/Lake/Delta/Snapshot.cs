namespace Strata.Lake.Delta;

/// <summary>
/// A table's state at one version, by action reconciliation: the latest <c>protocol</c> and
/// <c>metaData</c> win; a file's newest <c>add</c> or <c>remove</c> decides whether it is live or
/// a tombstone. Read from the newest checkpoint at or before the version plus the versions after.
/// </summary>
public sealed class Snapshot
{
    private readonly Dictionary<string, AddFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RemoveFile> _tombstones = new(StringComparer.Ordinal);

    /// <summary>The version this snapshot is at; -1 before version 0.</summary>
    public long Version { get; private set; } = -1;

    public Protocol? Protocol { get; private set; }

    public Metadata? MetaData { get; private set; }

    /// <summary>Live files by log path.</summary>
    public IReadOnlyDictionary<string, AddFile> Files => _files;

    /// <summary>Removed files by log path (the removal's time tells when they expire).</summary>
    public IReadOnlyDictionary<string, RemoveFile> Tombstones => _tombstones;

    /// <summary>Applies the actions of version <paramref name="version"/>.</summary>
    public void Apply(long version, IEnumerable<DeltaAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        foreach (var action in actions)
        {
            if (action.Protocol is { } protocol)
            {
                Protocol = protocol;
            }

            if (action.MetaData is { } metaData)
            {
                MetaData = metaData;
            }

            if (action.Add is { } add)
            {
                _files[add.Path] = add;
                _tombstones.Remove(add.Path);
            }

            if (action.Remove is { } remove)
            {
                _files.Remove(remove.Path);
                _tombstones[remove.Path] = remove;
            }
        }

        Version = version;
    }

    /// <summary>The snapshot as checkpoint rows: protocol, metaData, live files, tombstones removed at or after <paramref name="keepTombstonesSince"/>.</summary>
    public IReadOnlyList<DeltaAction> ToActions(long keepTombstonesSince = 0)
    {
        var actions = new List<DeltaAction>();
        if (Protocol is not null)
        {
            actions.Add(new DeltaAction { Protocol = Protocol });
        }

        if (MetaData is not null)
        {
            actions.Add(new DeltaAction { MetaData = MetaData });
        }

        actions.AddRange(_files.Values.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => new DeltaAction { Add = f with { DataChange = false } }));
        actions.AddRange(_tombstones.Values
            .Where(t => (t.DeletionTimestamp ?? long.MaxValue) >= keepTombstonesSince)
            .OrderBy(t => t.Path, StringComparer.Ordinal)
            .Select(t => new DeltaAction { Remove = t with { DataChange = false } }));
        return actions;
    }

    /// <summary>Reads the table at <paramref name="version"/> (the latest when null); an empty snapshot when the log does not exist.</summary>
    public static async Task<Snapshot> ReadAsync(DeltaLog log, long? version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(log);
        var (versions, checkpoints) = await log.ListAsync(ct);
        var snapshot = new Snapshot();
        var target = version ?? (versions.Count == 0 ? -1 : versions[^1]);
        if (target < 0)
        {
            return snapshot;
        }

        var from = 0L;
        var checkpoint = checkpoints.LastOrDefault(c => c <= target, -1);
        if (checkpoint >= 0)
        {
            snapshot.Apply(checkpoint, await Checkpoint.ReadAsync(log, checkpoint, ct));
            from = checkpoint + 1;
        }

        for (var v = from; v <= target; v++)
        {
            var actions = await log.ReadVersionAsync(v, ct)
                ?? throw new LakeException($"the Delta log of {log.Container.Name}/{log.TableRoot} has no version {v} (needed to read version {target}); the log was changed by hand");
            snapshot.Apply(v, actions);
        }

        return snapshot;
    }
}
