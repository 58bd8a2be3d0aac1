using System.Text.Json.Serialization;

namespace Strata.Lake.Delta;

/// <summary>
/// The Delta <c>protocol</c> action: the lowest reader and writer versions that handle the table.
/// Strata writes the minimum its tables need: reader 1 / writer 2 (plain Parquet files, no
/// features), or reader 3 / writer 7 with the <c>timestampNtz</c> feature when a column is a
/// timestamp without time zone (only SQL can produce one: load writes every timestamp as UTC).
/// </summary>
public sealed record Protocol
{
    /// <summary>The table feature a timestamp-without-time-zone column needs.</summary>
    public const string TimestampNtz = "timestampNtz";

    [JsonPropertyName("minReaderVersion")]
    public required int MinReaderVersion { get; init; }

    [JsonPropertyName("minWriterVersion")]
    public required int MinWriterVersion { get; init; }

    /// <summary>Present only with reader version 3.</summary>
    [JsonPropertyName("readerFeatures")]
    public IReadOnlyList<string>? ReaderFeatures { get; init; }

    /// <summary>Present only with writer version 7.</summary>
    [JsonPropertyName("writerFeatures")]
    public IReadOnlyList<string>? WriterFeatures { get; init; }

    /// <summary>The minimum protocol for a table with this schema.</summary>
    public static Protocol For(DeltaSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.Uses(DeltaType.TimestampNtz)
            ? new Protocol { MinReaderVersion = 3, MinWriterVersion = 7, ReaderFeatures = [TimestampNtz], WriterFeatures = [TimestampNtz] }
            : new Protocol { MinReaderVersion = 1, MinWriterVersion = 2 };
    }

    /// <summary>Value equality, features included (records compare lists by reference).</summary>
    public bool SameAs(Protocol? other) =>
        other is not null && other.MinReaderVersion == MinReaderVersion && other.MinWriterVersion == MinWriterVersion
        && (ReaderFeatures ?? []).SequenceEqual(other.ReaderFeatures ?? []) && (WriterFeatures ?? []).SequenceEqual(other.WriterFeatures ?? []);
}
