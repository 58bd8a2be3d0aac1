namespace Strata.Partitions;

/// <summary>A committed partition as a grid lists it: key, rows, the run that committed it and when.</summary>
public readonly record struct PartitionEntry(string Partition, long Rows, string RunId, DateTimeOffset CommittedAt);
