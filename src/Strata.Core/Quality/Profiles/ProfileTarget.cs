namespace Strata.Quality.Profiles;

/// <summary>A committed partition's Parquet file, still on local disk, to profile (see <see cref="PartitionProfiler"/>).</summary>
/// <param name="Dataset">The source or dataset.</param>
/// <param name="Partition">The partition key.</param>
/// <param name="RunId">The run that built it.</param>
/// <param name="ParquetFile">The local file.</param>
public sealed record ProfileTarget(string Dataset, string Partition, string RunId, string ParquetFile);

/// <summary>What profiling one <see cref="ProfileTarget"/> gave: its profile, or why there is none.</summary>
public sealed record ProfileOutcome(ProfileTarget Target, PartitionProfile? Profile, Exception? Error);
