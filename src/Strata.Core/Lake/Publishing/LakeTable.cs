using Strata.Definitions;
using Strata.Lake.Delta;
using Strata.Storage;

namespace Strata.Lake.Publishing;

/// <summary>
/// A source or dataset as a Delta table: its container, its folder (the table root, named after
/// it), its partition column, and whether load writes it (its types then follow load's lattice
/// and a file is widened the way load widens) or SQL does.
/// </summary>
internal sealed record LakeTable(string Dataset, string Container, PartitionKeySpec Key, bool IsSource)
{
    public (string Name, DeltaType Type)? PartitionColumn => PartitionValues.ColumnOf(Key);

    /// <summary>The table named <paramref name="dataset"/> in the definitions, or null when it is no longer defined.</summary>
    public static LakeTable? Find(PipelineCatalog catalog, string dataset)
    {
        var pipeline = catalog.PipelineOf(dataset);
        if (pipeline?.FindSource(dataset) is { } source)
        {
            return new LakeTable(dataset, LakeContainers.Load, source.Partition, IsSource: true);
        }

        return pipeline?.FindDataset(dataset) is { } definition
            ? new LakeTable(dataset, definition.Layer == Layer.Action ? LakeContainers.Products : LakeContainers.Integrate, definition.Partition, IsSource: false)
            : null;
    }

    public DeltaLog Log(LakeStorage storage) => new(storage.Container(Container), Dataset);

    /// <summary>The table schema of files with <paramref name="columns"/>: the partition column (if any) moved last at its key's type.</summary>
    public DeltaSchema SchemaOf(DeltaSchema columns) =>
        PartitionColumn is { } p ? columns.WithLast(p.Name, p.Type) : columns;

    /// <summary>A file's own columns, without a column named like the partition key (readers take that one from the log).</summary>
    public DeltaSchema DataColumns(DeltaSchema columns) => columns.Without(PartitionColumn?.Name);

    /// <summary>Where the table is, for messages.</summary>
    public override string ToString() => $"{Container}/{Dataset}";
}
