using System.Text.Json.Serialization;

namespace Strata.Lake.Delta;

/// <summary>
/// The Delta <c>add</c> action: a data file that is part of the table from this version on. The
/// path is relative to the table root and URI-encoded (see <see cref="PartitionValues.FilePath"/>).
/// </summary>
public sealed record AddFile
{
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    /// <summary>Partition column → value, serialised as the protocol says (see <see cref="PartitionValues"/>); empty for an unpartitioned table.</summary>
    [JsonPropertyName("partitionValues")]
    public required IReadOnlyDictionary<string, string?> PartitionValues { get; init; }

    [JsonPropertyName("size")]
    public required long Size { get; init; }

    /// <summary>Milliseconds since the epoch the file was written.</summary>
    [JsonPropertyName("modificationTime")]
    public required long ModificationTime { get; init; }

    [JsonPropertyName("dataChange")]
    public bool DataChange { get; init; } = true;

    /// <summary>Per-file statistics as a JSON string; Strata writes <c>numRecords</c>.</summary>
    [JsonPropertyName("stats")]
    public string? Stats { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string?>? Tags { get; init; }

    /// <summary>The statistics string for a file of <paramref name="rows"/> rows.</summary>
    public static string StatsFor(long rows) => $"{{\"numRecords\":{rows}}}";
}
