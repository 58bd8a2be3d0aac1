namespace Strata.Land;

/// <summary>
/// Proof that a landed file's bytes are in raw: which source owns it, its SHA-256, where the
/// immutable copy lives, and its position in the source's landing sequence (what load consumes).
/// </summary>
public sealed record LandingReceipt(
    string Source,
    string Sha256,
    string RawPath,
    string OriginalName,
    long Size,
    DateOnly IngestDate,
    DateTimeOffset LandedAt,
    long Sequence);
