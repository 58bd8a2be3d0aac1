namespace Strata.Quality.Profiles;

/// <summary>How partitions are profiled. Bound from <c>Strata:Quality:Profiles</c>.</summary>
public sealed class ProfileOptions
{
    public const string Section = "Strata:Quality:Profiles";

    /// <summary>
    /// Whether every built partition is profiled. Default true; false turns profiles (and so
    /// semantic drift) off for the host, e.g. to measure their cost: load then gathers nothing
    /// while it writes, and fragments carry no profile in their footer (a partition merged from
    /// fragments of both kinds is profiled from its file).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A text or boolean column with at most this many distinct values keeps its value counts
    /// (which is what "a new value" is found in). Default 20: a status or country code, not a name.
    /// </summary>
    public int LowCardinality { get; set; } = 20;

    /// <summary>
    /// The most columns profiled per partition, in file order. Default 200: a 20,000-column file
    /// would otherwise cost five aggregates per column per partition and a profile of megabytes.
    /// </summary>
    public int MaxColumns { get; set; } = 200;
}
