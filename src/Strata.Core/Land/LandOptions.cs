namespace Strata.Land;

/// <summary>How landing behaves. Bound from <c>Strata:Land</c>.</summary>
public sealed class LandOptions
{
    public const string Section = "Strata:Land";

    /// <summary>
    /// Keep the landing blob after its raw copy and receipt are committed. Default false: landing
    /// is an inbox and is emptied. When true, the landing blob's ETag is remembered so a sweep
    /// does not download it again.
    /// </summary>
    public bool KeepLandingBlobs { get; set; }
}
