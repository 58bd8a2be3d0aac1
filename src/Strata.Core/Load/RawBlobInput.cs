namespace Strata.Load;

/// <summary>A raw blob to parse, already downloaded.</summary>
/// <param name="LocalPath">The local, seekable copy. Read twice (once to infer, once to write).</param>
/// <param name="RawBlobName">The blob's name in the lake (<c>raw/entries/ingest_date=2026-11-20/&lt;sha&gt;-file.csv</c>): named in quarantine records, and its extension picks the format when the source's format is Auto.</param>
/// <param name="IngestDate">The UTC day the blob was landed: the partition key of ingest-date sources.</param>
public sealed record RawBlobInput(string LocalPath, string RawBlobName, DateOnly IngestDate);
