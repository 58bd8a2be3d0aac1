using System.Text.Json.Serialization;

namespace Strata.Lake.Delta;

/// <summary>
/// The Delta <c>metaData</c> action: the table's id, schema and partition columns. Written in
/// version 0 and again whenever the schema changes (a column added or widened); the latest one wins.
/// </summary>
public sealed record Metadata
{
    /// <summary>Stable for the table's life: derived from where the table is, so two writers creating it agree.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("format")]
    public DeltaFormat Format { get; init; } = new();

    /// <summary>The schema as the protocol's JSON struct type (see <see cref="DeltaSchema"/>).</summary>
    [JsonPropertyName("schemaString")]
    public required string SchemaString { get; init; }

    [JsonPropertyName("partitionColumns")]
    public required IReadOnlyList<string> PartitionColumns { get; init; }

    /// <summary>Milliseconds since the epoch the table was created.</summary>
    [JsonPropertyName("createdTime")]
    public long? CreatedTime { get; init; }

    [JsonPropertyName("configuration")]
    public IReadOnlyDictionary<string, string> Configuration { get; init; } = new Dictionary<string, string>();

    /// <summary>A stable table id (a name-based UUID) for the table at <paramref name="location"/>.</summary>
    public static string IdFor(string location)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("strata-delta-table:" + location));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}

/// <summary>The <c>format</c> of <c>metaData</c>: always Parquet, no options.</summary>
public sealed record DeltaFormat
{
    [JsonPropertyName("provider")]
    public string Provider { get; init; } = "parquet";

    [JsonPropertyName("options")]
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
}
