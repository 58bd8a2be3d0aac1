namespace Strata.Lineage;

/// <summary>
/// One node of a partition's lineage: a partition of a source or dataset, or a raw blob
/// (<see cref="Layer"/> <c>raw</c>, <see cref="Partition"/> its SHA-256), with its links in one direction.
/// </summary>
public sealed record LineageNode(string Dataset, string Partition, string Layer, string? Path, long Rows, IReadOnlyList<LineageNode> Links, string? Note = null)
{
    /// <summary>Every raw blob path in this subtree.</summary>
    public IEnumerable<string> RawBlobs() =>
        Layer == "raw" && Path is not null ? [Path] : Links.SelectMany(l => l.RawBlobs()).Distinct();

    /// <summary>Every (dataset, partition) in this subtree, this node included.</summary>
    public IEnumerable<(string Dataset, string Partition)> Partitions() =>
        (Layer == "raw" ? [] : new[] { (Dataset, Partition) }).Concat(Links.SelectMany(l => l.Partitions())).Distinct();
}

/// <summary>Both directions of one partition's lineage.</summary>
public sealed record LineageReport(string Dataset, string Partition, LineageNode Upstream, LineageNode Downstream);
