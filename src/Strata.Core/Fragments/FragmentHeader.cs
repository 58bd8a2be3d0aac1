namespace Strata.Fragments;

/// <summary>
/// The result of parsing one raw blob under one load spec. Written last, after every fragment
/// and fragment row: its presence is what makes the blob's fragments visible to planning.
/// </summary>
public sealed record FragmentHeader
{
    public required string Source { get; init; }

    /// <summary>The load-spec key the blob was parsed under.</summary>
    public required string SpecKey { get; init; }

    public required string Sha256 { get; init; }

    public required string RawPath { get; init; }

    /// <summary>The receipt's landing sequence; orders schema evolution deterministically.</summary>
    public required long Sequence { get; init; }

    /// <summary>The schema of the fragments as stored in the row: JSON, or a reference to a blob for a wide one (see <see cref="Schemas.SchemaDocuments"/>; read it with <see cref="FragmentStore.SchemaOfAsync"/>).</summary>
    public required string StoredSchema { get; init; }

    public required long RowsRead { get; init; }

    public required long RowsLoaded { get; init; }

    public required long RowsQuarantined { get; init; }

    /// <summary>Partitions the blob's rows fall in.</summary>
    public required int Partitions { get; init; }

    /// <summary>Set when the whole file could not be read, or its parse failed too often; it was quarantined as a file. At most <see cref="Storage.BoundedText.MessageChars"/> characters.</summary>
    public string? FileError { get; init; }

    /// <summary>Blob name in the quarantine container holding its quarantined records, if any.</summary>
    public string? QuarantinePath { get; init; }

    /// <summary>
    /// The Delta columns (a schema string) every fragment of the blob was written with, when they all
    /// share them and the text is short enough for a table property; with <see cref="FragmentSchema"/>
    /// it lets a partition that is one fragment be published without downloading it. Null otherwise,
    /// and for blobs parsed before it was recorded.
    /// </summary>
    public string? FragmentColumns { get; init; }

    /// <summary>The load schema (JSON) those fragments' footers record; null as <see cref="FragmentColumns"/>.</summary>
    public string? FragmentSchema { get; init; }

    public required string RunId { get; init; }

    public required DateTimeOffset ParsedAt { get; init; }
}
