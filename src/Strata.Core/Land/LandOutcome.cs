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

    /// <summary>The name cannot be landed (see <see cref="LandingName"/>); <see cref="LandResult.Reason"/> says why. Nothing is read or written.</summary>
    Rejected,
}

/// <summary>
/// The result of landing one blob. <c>LandingName</c> is the blob's name in landing, normalised as
/// storage stores it (the name as given when rejected); <c>Reason</c> says why a name was rejected.
/// </summary>
public sealed record LandResult(string LandingName, LandOutcome Outcome, string? Pipeline, string? Source, string? Sha256, string? RawPath, long Bytes, string? Reason = null);
