namespace Strata.Partitions;

/// <summary>
/// A committed partition: what it was built from (its input fingerprint and exact inputs), what
/// it holds (output path, rows, output hash) and when. Readers follow only these rows, so an
/// output file no record points at is never visible.
/// </summary>
public sealed record PartitionRecord
{
    /// <summary>Source or dataset name.</summary>
    public required string Dataset { get; init; }

    /// <summary>Partition value (<c>2026-11-20</c>, or <c>all</c>).</summary>
    public required string Partition { get; init; }

    public required string Fingerprint { get; init; }

    /// <summary>Deterministic hash of the rows (order-independent), not of the file bytes.</summary>
    public required string OutputHash { get; init; }

    /// <summary>Blob name of the Parquet output inside its container.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Extra product copies (CSV, JSON lines), blob names in the same container.</summary>
    public IReadOnlyList<string> ExtraPaths { get; init; } = [];

    public required long Rows { get; init; }

    /// <summary>The source schema version the partition was built under (load only; 0 otherwise).</summary>
    public int SchemaVersion { get; init; }

    public required string RunId { get; init; }

    /// <summary>The run number that committed it; orders the commit log.</summary>
    public required long CommitRun { get; init; }

    public required DateTimeOffset CommittedAt { get; init; }

    /// <summary>The exact inputs it was built from, for lineage and for explaining why it is stale.</summary>
    public PartitionInputs Inputs { get; init; } = PartitionInputs.Empty;

    /// <summary>Optimistic-concurrency tag of the stored row; null for a record not read from storage.</summary>
    public string? ETag { get; init; }
}
