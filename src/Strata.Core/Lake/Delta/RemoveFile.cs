using System.Text.Json.Serialization;

namespace Strata.Lake.Delta;

/// <summary>
/// The Delta <c>remove</c> action: a file that leaves the table in this version. It stays in the
/// snapshot as a tombstone (for VACUUM and for time travel to earlier versions); Strata deletes
/// the file itself once no retained version needs it (see <see cref="LakeOptions"/>).
/// </summary>
public sealed record RemoveFile
{
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    /// <summary>Milliseconds since the epoch the removal happened.</summary>
    [JsonPropertyName("deletionTimestamp")]
    public long? DeletionTimestamp { get; init; }

    [JsonPropertyName("dataChange")]
    public bool DataChange { get; init; } = true;
}
