using System.Text.Json.Serialization;

namespace Strata.Lake.Delta;

/// <summary>
/// <c>_delta_log/_last_checkpoint</c>: where the newest checkpoint is, so a reader lists only the
/// versions after it instead of the whole log.
/// </summary>
public sealed record LastCheckpoint
{
    [JsonPropertyName("version")]
    public required long Version { get; init; }

    /// <summary>Actions (rows) in the checkpoint.</summary>
    [JsonPropertyName("size")]
    public required long Size { get; init; }

    [JsonPropertyName("sizeInBytes")]
    public long? SizeInBytes { get; init; }

    [JsonPropertyName("numOfAddFiles")]
    public long? NumOfAddFiles { get; init; }
}
