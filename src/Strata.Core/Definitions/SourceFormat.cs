namespace Strata.Definitions;

/// <summary>File formats load reads. Any of them may be gzip-compressed (<c>.gz</c> or gzip magic bytes).</summary>
public enum SourceFormat
{
    /// <summary>Chosen per blob from its extension (<c>.csv</c>, <c>.tsv</c>, <c>.jsonl</c>/<c>.ndjson</c>, <c>.json</c>, <c>.parquet</c>, each optionally <c>.gz</c>).</summary>
    Auto,
    Csv,
    Tsv,
    JsonLines,
    JsonArray,
    Parquet,
}
