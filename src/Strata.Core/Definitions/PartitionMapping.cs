namespace Strata.Definitions;

/// <summary>How an input's partitions feed one partition of a dataset.</summary>
public enum MappingKind
{
    /// <summary>The input partition with the same key (same grain required).</summary>
    Identity,

    /// <summary>Every partition of the input: a reference table such as customers.</summary>
    All,

    /// <summary>This partition and the N−1 calendar periods before it (a rolling window).</summary>
    Window,
}

/// <summary>A partition mapping: identity, all, or window of <see cref="Size"/> periods.</summary>
public sealed record PartitionMapping(MappingKind Kind, int Size = 1)
{
    public static PartitionMapping Identity { get; } = new(MappingKind.Identity);

    public static PartitionMapping All { get; } = new(MappingKind.All);

    public static PartitionMapping Window(int size) => new(MappingKind.Window, size);

    public override string ToString() => Kind switch
    {
        MappingKind.Window => $"window({Size})",
        MappingKind.All => "all",
        _ => "identity",
    };
}
