namespace Strata.Partitions;

/// <summary>A partition whose last build failed, kept until a build succeeds so the next plan retries it and says why.</summary>
public sealed record FailureMarker(string Dataset, string Partition, string Fingerprint, string Error, string RunId, DateTimeOffset FailedAt, string? ETag = null);
