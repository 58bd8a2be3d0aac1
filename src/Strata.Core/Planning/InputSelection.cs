using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Partitions;

namespace Strata.Planning;

/// <summary>The partitions a mapping selected from one input for one output partition.</summary>
public sealed record InputSelection(DatasetInput Input, IReadOnlyList<PartitionRecord> Parts)
{
    /// <summary>Beyond this many parts a slice keeps only its digest in the partition row.</summary>
    private const int MaxListedParts = 2_000;

    public InputSlice ToSlice()
    {
        var parts = Parts.Select(p => new InputPart(p.Partition, p.OutputHash)).ToList();
        return new InputSlice(Input.Name, Input.Mapping.ToString(), DatasetCode.SliceDigest(parts), parts.Count, parts.Count <= MaxListedParts ? parts : null);
    }
}
