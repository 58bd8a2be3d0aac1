namespace Strata.Land;

/// <summary>What happened to one landing blob.</summary>
public enum LandOutcome
{
    /// <summary>New bytes: copied to raw with a receipt.</summary>
    Landed,

    /// <summary>The same bytes were landed before; nothing new was stored.</summary>
    Duplicate,

    /// <summary>Kept landing blob, unchanged since it was landed.</summary>
    AlreadyLanded,

    /// <summary>No source's landing prefix matches; the blob stays in landing and is reported.</summary>
    Unowned,

    /// <summary>The blob was gone by the time it was read (another lander took it).</summary>
    Missing,
}

/// <summary>The result of landing one blob.</summary>
public sealed record LandResult(string LandingName, LandOutcome Outcome, string? Pipeline, string? Source, string? Sha256, string? RawPath, long Bytes);
