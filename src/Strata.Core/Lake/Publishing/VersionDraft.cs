using Strata.Lake.Delta;

namespace Strata.Lake.Publishing;

/// <summary>A file of the table: the committed output of one partition.</summary>
internal sealed record FileEntry(string Partition, string Blob, long Size, long Rows, DeltaSchema Columns, DateTimeOffset WrittenAt)
{
    public static FileEntry Of(PendingOutput output) => new(output.Partition, output.Path, output.Size, output.Rows, output.Columns, output.WrittenAt);
}

/// <summary>A blob that leaves the table, with its product copies.</summary>
internal sealed record DroppedFile(string Blob, IReadOnlyList<string> Extras);

/// <summary>
/// The next log version of one table, before it is committed: its schema, the files it adds and
/// removes, what to delete once it is durable, and which pending outputs it settles.
/// </summary>
internal sealed class VersionDraft(DeltaSchema schema)
{
    public DeltaSchema Schema { get; set; } = schema;

    /// <summary>Files the version adds (the current file of each partition that changed).</summary>
    public List<FileEntry> Adds { get; } = [];

    /// <summary>Files the version removes: superseded, kept while retention wants them.</summary>
    public List<DroppedFile> Removed { get; } = [];

    /// <summary>Files no version ever listed (lost races, failed or crashed builds, narrow files rewritten): deleted once the version is durable.</summary>
    public List<DroppedFile> Discarded { get; } = [];

    /// <summary>Pending outputs this version settles.</summary>
    public List<PendingOutput> Done { get; } = [];

    /// <summary>Blobs the log's latest version lists (known only to a whole-table sync).</summary>
    public HashSet<string> Published { get; } = new(StringComparer.Ordinal);

    /// <summary>Blobs a committed partition points at: never deleted, whatever else says so.</summary>
    public HashSet<string> Referenced { get; } = new(StringComparer.Ordinal);

    /// <summary>Partitions rewritten at the table's types by this publish.</summary>
    public int Conformed { get; set; }

    /// <summary>What the rewrites of partitions committed by earlier runs wrote (the run's builds did not).</summary>
    public RewrittenFiles Rewritten { get; private set; } = RewrittenFiles.None;

    /// <summary>Files whose columns are not all at the schema's types.</summary>
    public IEnumerable<FileEntry> Narrow(LakeTable table) =>
        Adds.Where(a => table.DataColumns(a.Columns).Columns.Any(c => Schema.TypeOf(c.Name) is { } t && !t.Equals(c.Type))).ToList();

    /// <summary>The schema that holds <paramref name="previous"/> and every added file (types joined, new columns appended).</summary>
    public static DeltaSchema SchemaFor(LakeTable table, DeltaSchema previous, IEnumerable<FileEntry> files)
    {
        var columns = table.DataColumns(previous);
        foreach (var file in files)
        {
            columns = columns.Join(table.DataColumns(file.Columns));
        }

        return table.SchemaOf(columns);
    }

    /// <summary>
    /// Replaces <paramref name="narrow"/> by its rewritten file. The narrow file is removed (a
    /// tombstone is harmless if no version listed it); its product copies stay with the partition.
    /// </summary>
    public void Replace(FileEntry narrow, FileEntry conformed, bool earlierRun)
    {
        if (earlierRun)
        {
            Rewritten = Rewritten.Add(conformed);
        }

        Adds.Remove(narrow);
        Adds.Add(conformed);
        Referenced.Remove(narrow.Blob);
        Referenced.Add(conformed.Blob);
        Removed.Add(new DroppedFile(narrow.Blob, []));
        Conformed++;
    }

    /// <summary>The version's actions: provenance, the protocol and metaData when they change, removes, adds.</summary>
    public List<DeltaAction> Actions(LakeTable table, TableState? state, IReadOnlyList<DroppedFile> removed, string tableId, string runId, long at)
    {
        var actions = new List<DeltaAction> { new() { CommitInfo = new CommitInfo { Timestamp = at, StrataRunId = runId } } };
        var protocol = Protocol.For(Schema);
        if (state is null || !protocol.SameAs(Protocol.For(state.Schema)))
        {
            actions.Add(new DeltaAction { Protocol = protocol });
        }

        if (state is null || !Schema.SameAs(state.Schema))
        {
            actions.Add(new DeltaAction
            {
                MetaData = new Metadata
                {
                    Id = tableId,
                    Name = table.Dataset,
                    SchemaString = Schema.ToSchemaString(),
                    PartitionColumns = table.PartitionColumn is { } p ? [p.Name] : [],
                    CreatedTime = state?.CreatedTime ?? at,
                },
            });
        }

        actions.AddRange(removed.Select(r => new DeltaAction { Remove = new RemoveFile { Path = PartitionValues.FilePath(table.Dataset, r.Blob), DeletionTimestamp = at } }));
        actions.AddRange(Adds.OrderBy(a => a.Partition, StringComparer.Ordinal).Select(a => new DeltaAction
        {
            Add = new AddFile
            {
                Path = PartitionValues.FilePath(table.Dataset, a.Blob),
                PartitionValues = PartitionValues.Of(table.Key, a.Partition),
                Size = a.Size,
                ModificationTime = a.WrittenAt.ToUnixTimeMilliseconds(),
                Stats = AddFile.StatsFor(a.Rows),
            },
        }));
        return actions;
    }

    /// <summary>Drops the adds the log already lists unchanged (a whole-table sync starts from every committed file).</summary>
    public void KeepUnpublished() => Adds.RemoveAll(a => Published.Contains(a.Blob));
}
