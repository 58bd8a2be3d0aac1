namespace Strata.Definitions;

/// <summary>
/// How a source's rows (or a dataset's partitions) are keyed. A source either cuts a time
/// column at a grain, or — when its rows carry no time — uses the day the file was landed.
/// A dataset whose inputs are all <c>all</c>-mapped has <see cref="Unpartitioned"/>: one partition.
/// </summary>
/// <param name="Key">The partition key's name as it appears in paths (<c>entry_date=2026-11-20</c>).</param>
/// <param name="Column">The source column the key is cut from; null for ingest-date and for datasets.</param>
/// <param name="Grain">Hour, day or month.</param>
/// <param name="IngestDate">True when the key is the landing date of the raw blob.</param>
public sealed record PartitionKeySpec(string Key, string? Column, Grain Grain, bool IngestDate)
{
    /// <summary>The key used by datasets with no partitioned input: one partition named <c>all</c>.</summary>
    public static PartitionKeySpec Unpartitioned { get; } = new("all", null, Grain.Day, IngestDate: false);

    /// <summary>The value of the single partition of an unpartitioned dataset.</summary>
    public const string SinglePartition = "all";

    /// <summary>True for the single-partition key of a reference dataset.</summary>
    public bool IsUnpartitioned => ReferenceEquals(this, Unpartitioned) || (Column is null && !IngestDate && Key == "all");

    /// <summary>The ingest-date key: the UTC day the raw blob was landed.</summary>
    public static PartitionKeySpec ForIngestDate() => new("ingest_date", null, Grain.Day, IngestDate: true);
}
