namespace Strata.Partitions;

/// <summary>
/// One line of a dataset's commit log: a partition whose output changed (or appeared) in a run.
/// Written in the same transaction as the partition row, ordered by run number, so a downstream
/// plan reads exactly the changes since it last looked — O(changes), never O(partitions). A
/// rebuild that produced the same rows writes no line: that is the early cut-off.
/// </summary>
public sealed record CommitEntry(string Dataset, long Run, string Partition, string OutputHash, string? PreviousHash, long Rows, long PreviousRows)
{
    /// <summary>True when the partition did not exist before this commit.</summary>
    public bool IsNew => PreviousHash is null;
}
