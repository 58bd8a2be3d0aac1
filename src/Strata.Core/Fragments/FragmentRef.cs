namespace Strata.Fragments;

/// <summary>One fragment: the rows of one raw blob that fall in one partition, as a Parquet blob in the load container.</summary>
public sealed record FragmentRef(string Partition, string Sha256, long Sequence, string Path, long Rows, string OutputHash)
{
    /// <summary>The blob's size in bytes, recorded at parse (null for fragments parsed before it was).</summary>
    public long? Size { get; init; }
}
