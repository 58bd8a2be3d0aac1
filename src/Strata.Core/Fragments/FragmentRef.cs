namespace Strata.Fragments;

/// <summary>One fragment: the rows of one raw blob that fall in one partition, as a Parquet blob in the load container.</summary>
public sealed record FragmentRef(string Partition, string Sha256, long Sequence, string Path, long Rows, string OutputHash)
{
    /// <summary>The blob's size in bytes, recorded at parse (null for fragments parsed before it was).</summary>
    public long? Size { get; init; }

    /// <summary>
    /// The profile the parse gathered while writing the fragment (a <see cref="Quality.Profiles.WrittenProfile"/>
    /// as JSON, as in its footer), so a partition copied from it has its profile without a read;
    /// null when profiles were off, the fragment predates them, or the profile is too long for a row.
    /// </summary>
    public string? Profile { get; init; }
}
