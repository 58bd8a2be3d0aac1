using Strata.Lake.Publishing;
using Strata.Partitions;
using Strata.Workflow.Contracts;

namespace Strata.Activities;

/// <summary>
/// A partition built into local files and not yet committed: what <see cref="PartitionBatch"/>
/// needs to record it as pending, upload it and commit it (or discard it when it loses the race).
/// </summary>
internal sealed record PreparedBuild(
    BuildInput Input,
    string Container,
    PartitionRecord Record,
    PartitionRecord? Previous,
    FailureMarker? Failure,
    PendingOutput Pending,
    IReadOnlyList<(string Local, string Blob)> Files,
    long RowsIn)
{
    /// <summary>A blob (container, name) whose bytes are exactly the first file's: copied inside the account instead of uploaded.</summary>
    public (string Container, string Blob)? SameBytesAs { get; init; }

    /// <summary>The output's profile, gathered while it was written; null: profile the first file instead.</summary>
    public Quality.Profiles.WrittenProfile? Profile { get; init; }

    /// <summary>Bytes of the files the build wrote (the Parquet file's from its pending row: a copied one is not on local disk).</summary>
    public long Bytes => Pending.Size + Files.Skip(1).Sum(f => new FileInfo(f.Local).Length);
}
