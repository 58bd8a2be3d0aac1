namespace Strata.Lake.Publishing;

/// <summary>
/// A superseded file kept for time travel (<see cref="LakeOptions.RetainVersions"/>,
/// <see cref="LakeOptions.RetainFor"/>): removed from the table at <see cref="Version"/>, deleted
/// by <c>gc</c> once no retained version reads it.
/// </summary>
public sealed record Tombstone(string Dataset, string Container, string Path, IReadOnlyList<string> Extras, long Version, DateTimeOffset RemovedAt);
